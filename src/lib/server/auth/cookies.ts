import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session';

/**
 * Secure follows the scheme: behind HTTPS the cookie is always Secure; on localhost or a meeting room's
 * plain-http LAN a Secure cookie would never be stored and nobody could sign in.
 */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: number) {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: new Date(expiresAt)
	});
}

export function clearSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
}

/** Device-side mirrors of the member's settings, read by the server to render the first paint right. */
export const ELDER_COOKIE = 'xf_elder';
export const LOCALE_COOKIE = 'PARAGLIDE_LOCALE';
const YEAR_S = 365 * 24 * 60 * 60;

export function setSettingsCookies(cookies: Cookies, settings: { elderMode: boolean; locale: string }) {
	cookies.set(ELDER_COOKIE, settings.elderMode ? '1' : '0', { path: '/', httpOnly: false, sameSite: 'lax', secure: false, maxAge: YEAR_S });
	cookies.set(LOCALE_COOKIE, settings.locale, { path: '/', httpOnly: false, sameSite: 'lax', secure: false, maxAge: YEAR_S });
}
