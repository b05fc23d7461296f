import QRCode from 'qrcode';
import { contestToHost } from '$lib/server/contest/contest-service';
import type { PageServerLoad } from './$types';

/**
 * The projector's page. The QR holds a plain http(s) URL to the player's page, so a phone's own camera
 * or WeChat's scanner opens it: no app, and no https needed on a laptop's hotspot.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const contest = contestToHost(locals.db, locals.actor!, params.contestId);
	const joinUrl = `${url.origin}/c/${contest.code}`;
	const qrSvg = await QRCode.toString(joinUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
	// A QR pointing at this machine's loopback opens nothing on a phone: the lobby says so.
	const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
	return { contest, joinUrl, qrSvg, loopback };
};
