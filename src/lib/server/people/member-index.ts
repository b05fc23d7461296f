import { policy } from '../auth/policy';
import type { AudienceScope } from './audience';
import { groupBy } from '$lib/shared/group-by';

/** A member as set-based reports need them: where they belong, for "is this member on that list?". */
export interface MemberRef {
	id: string;
	branchId: string;
	branchPath: string;
	groupId: string | null;
}

export type MemberIndex = ReturnType<typeof memberIndex>;

/** Members by branch path, by group and by id, so each list is resolved without scanning everyone. */
export function memberIndex<T extends MemberRef>(members: T[]) {
	return {
		byBranch: groupBy(members, (p) => p.branchPath),
		byGroup: groupBy(
			members.filter((p) => p.groupId !== null),
			(p) => p.groupId!
		),
		byId: new Map(members.map((p) => [p.id, p]))
	};
}

/** The indexed members an audience covers (units and everything beneath, groups, people named), as policy.inAudience decides. */
export function audienceOf<T extends MemberRef>(index: { byBranch: Map<string, T[]>; byGroup: Map<string, T[]>; byId: Map<string, T> }, scope: AudienceScope): T[] {
	const out = new Set<T>();
	for (const path of scope.unitPaths) {
		// Most lists name a branch: look it up; a higher unit covers every branch beneath it.
		const branch = index.byBranch.get(path);
		if (branch) branch.forEach((p) => out.add(p));
		else for (const [branchPath, people] of index.byBranch) if (branchPath.startsWith(path)) people.forEach((p) => out.add(p));
	}
	for (const id of scope.groupIds) index.byGroup.get(id)?.forEach((p) => out.add(p));
	for (const id of scope.people) {
		const p = index.byId.get(id);
		if (p) out.add(p);
	}
	return [...out].filter((p) => policy.inAudience({ userId: p.id, branchId: p.branchId, branchPath: p.branchPath, groupId: p.groupId, secretaryOf: null, adminOf: null }, scope));
}
