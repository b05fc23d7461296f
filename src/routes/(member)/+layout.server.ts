import { studyBadge } from '$lib/server/study/reflection-service';
import type { LayoutServerLoad } from './$types';

/** The tab bar's badge: new reviews and unread reminders. Pages that clear them invalidate `xf:badge`. */
export const load: LayoutServerLoad = async ({ locals, depends }) => {
	depends('xf:badge');
	return { studyBadge: locals.actor ? await studyBadge(locals.db, locals.actor) : 0 };
};
