import { policy } from '$lib/server/auth/policy';
import { rolesOf } from '$lib/shared/roles';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const { user, actor } = locals;
	if (!user || !actor) return { user: null, roles: [], canManage: false };
	return { user, roles: rolesOf(actor), canManage: policy.openManagement(actor) };
};
