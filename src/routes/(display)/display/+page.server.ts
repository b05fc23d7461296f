import { managedContests } from '$lib/server/contest/contest-admin-service';
import type { PageServerLoad } from './$types';

/** The projector's start page: the contests this person can host now. */
export const load: PageServerLoad = ({ locals }) => ({ contests: managedContests(locals.db, locals.actor!).filter((c) => c.state !== 'ended') });
