import { managedContests } from '$lib/server/contest/contest-admin-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ contests: managedContests(locals.db, locals.actor!) });
