import { memberMeetings } from '$lib/server/attendance/member-meeting-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, depends }) => {
	depends('xf:badge');
	return memberMeetings(locals.db, locals.actor!);
};
