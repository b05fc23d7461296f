import { checkinScreen } from '$lib/server/attendance/meeting-roster-service';
import type { PageServerLoad } from './$types';

/**
 * The check-in screen. The meeting's secret comes to this page (its hosts only) so the QR keeps rotating
 * on this device with no connection; the service worker's page cache keeps a copy for that.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const screen = await checkinScreen(locals.db, locals.actor!, params.meetingId);
	const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
	return { ...screen, origin: url.origin, loopback, serverNow: Date.now() };
};
