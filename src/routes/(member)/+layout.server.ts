import { checkinBadge } from '$lib/server/attendance/member-meeting-service';
import { studyBadge } from '$lib/server/study/reflection-service';
import type { LayoutServerLoad } from './$types';

/** The tab bar's badges: new reviews and unread reminders; today's meetings not yet checked in and 补学 owed. Pages that clear them invalidate `xf:badge`. */
export const load: LayoutServerLoad = async ({ locals, depends }) => {
	depends('xf:badge');
	return {
		studyBadge: locals.actor ? await studyBadge(locals.db, locals.actor) : 0,
		checkinBadge: locals.actor ? checkinBadge(locals.db, locals.actor) : 0
	};
};
