import { randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import type { Guest, Player } from './contest-service';
import type { Actor } from '$lib/shared/roles';

/** A guest's secret: the only thing that ties a browser to its seat in a contest that lets guests in. */
const GUEST_COOKIE = 'xf_guest';
const TWO_DAYS_S = 2 * 24 * 60 * 60;

export function guestFrom(cookies: Cookies): Guest | null {
	const token = cookies.get(GUEST_COOKIE);
	return token && /^[\w-]{43}$/.test(token) ? { guestToken: token } : null;
}

/** The guest's secret, made on first use (httpOnly: page scripts never see it). */
export function ensureGuest(cookies: Cookies, url: URL): Guest {
	const existing = guestFrom(cookies);
	if (existing) return existing;
	const guestToken = randomBytes(32).toString('base64url');
	cookies.set(GUEST_COOKIE, guestToken, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: TWO_DAYS_S });
	return { guestToken };
}

/** The signed-in member, else the guest, else nobody. */
export const playerFrom = (actor: Actor | null, cookies: Cookies): Player | null => actor ?? guestFrom(cookies);
