import { checkbox, formObject } from '$lib/shared/schemas';
import type { OrgNode } from '$lib/shared/org-tree';

/** The person form's fields as the service's schema expects them. */
export function personFromForm(form: FormData) {
	return { ...formObject(form, ['name', 'phone', 'branchId', 'groupId']), retired: checkbox(form, 'retired'), activist: checkbox(form, 'activist') };
}

/** Branches (with their groups) found anywhere in a tree, for the branch and group pickers. */
export function branchChoices(tree: OrgNode[]): { id: string; name: string; groups: { id: string; name: string }[] }[] {
	const out: { id: string; name: string; groups: { id: string; name: string }[] }[] = [];
	const walk = (nodes: OrgNode[]) => {
		for (const n of nodes) {
			if (n.kind === 'branch') out.push({ id: n.id, name: n.name, groups: n.children.filter((c) => c.kind === 'group').map((g) => ({ id: g.id, name: g.name })) });
			else walk(n.children);
		}
	};
	walk(tree);
	return out;
}
