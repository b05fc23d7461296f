import type { OrgKind } from './roles';

export interface OrgUnit {
	id: string;
	parentId: string | null;
	kind: OrgKind;
	name: string;
	path: string;
}
export interface OrgNode extends OrgUnit {
	children: OrgNode[];
}

/** Nest units given parents-first; units whose parent is not in the list become roots. */
export function buildTree<T extends OrgUnit>(rows: T[]): OrgNode[] {
	const nodes = new Map<string, OrgNode>();
	const roots: OrgNode[] = [];
	for (const row of rows) {
		const node: OrgNode = { id: row.id, parentId: row.parentId, kind: row.kind, name: row.name, path: row.path, children: [] };
		nodes.set(row.id, node);
		const parent = row.parentId ? nodes.get(row.parentId) : undefined;
		(parent ? parent.children : roots).push(node);
	}
	return roots;
}

/** Units an admin can be put in charge of (everything but 党小组), flattened in tree order with their depth. */
export function adminScopes(tree: OrgNode[]): { id: string; name: string; kind: OrgUnit['kind']; depth: number }[] {
	const out: { id: string; name: string; kind: OrgUnit['kind']; depth: number }[] = [];
	const walk = (nodes: OrgNode[], depth: number) => {
		for (const n of nodes) {
			if (n.kind === 'group') continue;
			out.push({ id: n.id, name: n.name, kind: n.kind, depth });
			walk(n.children, depth + 1);
		}
	};
	walk(tree, 0);
	return out;
}

/** The paths of the units on the way from the root to `path`, itself included. */
export function pathsAbove(path: string): string[] {
	const ids = path.split('/').filter(Boolean);
	return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** The path of the unit directly above (a group's branch), or the root's own path. */
export function parentPath(path: string): string {
	const above = pathsAbove(path);
	return above[above.length - 2] ?? path;
}
