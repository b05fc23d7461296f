import { json } from '@sveltejs/kit';
import { tokenAtFor } from '$lib/server/attendance/checkin-service';
import { meetingToManage } from '$lib/server/attendance/meeting-admin-service';
import { liveCheckins } from '$lib/server/attendance/meeting-roster-service';
import { slotOf } from '$lib/shared/checkin/token';
import type { RequestHandler } from './$types';

/** The check-in screen's poll: who is in, the server's clock, and the current token (for screens without WebCrypto). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const meeting = meetingToManage(locals.db, locals.actor!, params.meetingId);
	const now = Date.now();
	const slot = slotOf(now);
	return json({ ...(await liveCheckins(locals.db, locals.actor!, meeting.id)), now, slot, token: tokenAtFor(meeting)(slot) }, { headers: { 'cache-control': 'no-store' } });
};
