import { policy } from '$lib/server/auth/policy';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	isAdmin: locals.actor?.adminOf !== null,
	canSetPoints: locals.actor ? policy.managePointRules(locals.actor) : false
});
