import { openContests } from '$lib/server/contest/contest-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ contests: openContests(locals.db, locals.actor!) });
