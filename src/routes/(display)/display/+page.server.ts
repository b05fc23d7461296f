import { managedMeetings } from '$lib/server/attendance/meeting-admin-service';
import { managedContests } from '$lib/server/contest/contest-admin-service';
import type { PageServerLoad } from './$types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The projector's start page: the contests this person can host now, and the meetings of the next day still open for check-in. */
export const load: PageServerLoad = ({ locals }) => {
	const now = Date.now();
	return {
		contests: managedContests(locals.db, locals.actor!).filter((c) => c.state !== 'ended'),
		meetings: managedMeetings(locals.db, locals.actor!)
			.filter((mt) => mt.closedAt === null && mt.endsAt >= now && mt.startsAt <= now + DAY_MS)
			.reverse()
	};
};
