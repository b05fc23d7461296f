export type OrgKind = 'committee' | 'general_branch' | 'branch' | 'group';

/** Who is acting, as the policy module sees it. Paths are org-unit paths (`/root/…/id/`). */
export interface Actor {
	userId: string;
	branchId: string;
	branchPath: string;
	/** The 党小组 the member belongs to, if any (exams and meetings may be set for a group). */
	groupId?: string | null;
	/** Set when the user is secretary of a branch. */
	secretaryOf: { id: string; path: string } | null;
	/** Set when the user administers a subtree. */
	adminOf: { id: string; path: string } | null;
}

export type Role = 'member' | 'secretary' | 'admin';

export function rolesOf(actor: Pick<Actor, 'secretaryOf' | 'adminOf'>): Role[] {
	const roles: Role[] = ['member'];
	if (actor.secretaryOf) roles.push('secretary');
	if (actor.adminOf) roles.push('admin');
	return roles;
}
