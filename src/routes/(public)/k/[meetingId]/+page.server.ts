import { redirect } from '@sveltejs/kit';
import { checkInByQr, checkInByTicket, scanTicket, SIGN_IN_GRACE_MS } from '$lib/server/attendance/checkin-service';
import type { PageServerLoad } from './$types';

const TICKET_COOKIE = 'xf_scan';

/**
 * What a phone's own camera or WeChat opens from the projector's QR. Signed in: checked in at once.
 * Not signed in: a good scan is signed into a short cookie first, so the time spent signing in neither
 * expires the code nor makes the member late; then to the sign-in page and back here.
 */
export const load: PageServerLoad = async ({ locals, params, url, cookies }) => {
	const token = url.searchParams.get('t') ?? '';
	const cookiePath = `/k/${params.meetingId}`;
	if (!locals.actor) {
		const ticket = scanTicket(locals.db, params.meetingId, token);
		if (!ticket.ok) return { outcome: ticket };
		cookies.set(TICKET_COOKIE, ticket.ticket, { path: cookiePath, httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: SIGN_IN_GRACE_MS / 1000 });
		redirect(303, `/login?next=${encodeURIComponent(cookiePath)}`);
	}
	const ticket = cookies.get(TICKET_COOKIE);
	if (ticket) cookies.delete(TICKET_COOKIE, { path: cookiePath });
	const outcome = ticket && !token ? checkInByTicket(locals.db, locals.actor, params.meetingId, ticket) : checkInByQr(locals.db, locals.actor, params.meetingId, token);
	return { outcome };
};
