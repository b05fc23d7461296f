import { error, json, redirect, type Handle, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { config } from '$lib/server/config';
import { clearSessionCookie, ELDER_COOKIE, setSessionCookie } from '$lib/server/auth/cookies';
import { decide } from '$lib/server/auth/guard';
import { TokenBucket } from '$lib/server/auth/rate-limit';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { database, initDatabase } from '$lib/server/db/init';
import { m } from '$lib/paraglide/messages';
import { paraglideMiddleware } from '$lib/paraglide/server';

export const init: ServerInit = async () => {
	// `vite build` prerenders /offline through these hooks; it must not create or seed a database.
	if (!building) await initDatabase();
};

/** Sign-in attempts per IP: a whole branch behind one NAT signs in at a meeting without hitting it. */
const loginBucket = new TokenBucket(120, 0.5);
/** API writes per IP: sync batches from a whole branch behind one NAT fit easily. */
const apiBucket = new TokenBucket(config.apiRate.burst, config.apiRate.perSecond);

/**
 * Paraglide only needs the locale cookie (no URL strategy), so it gets a bodyless copy of the request:
 * handing it the real one makes it clone the body stream on every sync POST.
 */
const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(new Request(event.url, { headers: { cookie: event.request.headers.get('cookie') ?? '' } }), ({ locale }) => {
		const htmlClass = event.cookies.get(ELDER_COOKIE) === '1' ? 'elder' : '';
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale).replace('%xianfeng.html_class%', htmlClass)
		});
	});

const rateLimit: Handle = ({ event, resolve }) => {
	const { method } = event.request;
	if (method === 'GET' || method === 'HEAD') return resolve(event);
	const path = event.url.pathname;
	const bucket = path === '/login' ? loginBucket : path.startsWith('/api/') ? apiBucket : null;
	if (!bucket) return resolve(event);
	const wait = bucket.take(event.getClientAddress());
	if (wait === 0) return resolve(event);
	return new Response(JSON.stringify({ message: m.err_rate_limited({ seconds: wait }) }), {
		status: 429,
		headers: { 'content-type': 'application/json', 'retry-after': String(wait) }
	});
};

/**
 * The server accepts bodies up to the upload limit (start.js raises BODY_SIZE_LIMIT for it), but only
 * `/api/files` takes more than the 11 MB every other request may carry (question imports are 10 MB).
 */
const OTHER_BODY_MAX = 11 * 1024 * 1024;
const bodySize: Handle = ({ event, resolve }) => {
	const length = Number(event.request.headers.get('content-length') ?? 0);
	if (length > OTHER_BODY_MAX && event.url.pathname !== '/api/files') return json({ message: m.err_upload_too_big({ max: 11 }) }, { status: 413 });
	return resolve(event);
};

/** Forms get SvelteKit's origin check; JSON APIs must also prove they come from our own pages. */
const csrf: Handle = ({ event, resolve }) => {
	const { method, headers } = event.request;
	if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS' || !event.url.pathname.startsWith('/api/')) return resolve(event);
	const site = headers.get('sec-fetch-site');
	const origin = headers.get('origin');
	const sameSite = site ? site === 'same-origin' : origin === event.url.origin;
	if (!sameSite) return json({ message: m.err_cross_site() }, { status: 403 });
	return resolve(event);
};

const auth: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	event.locals.actor = null;
	if (building) return resolve(event);
	event.locals.db = database();
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const valid = await validateSessionToken(event.locals.db, token);
		if (valid) {
			event.locals.user = valid.user;
			event.locals.session = valid.session;
			event.locals.actor = valid.actor;
			// The cookie's expiry moves with the session, which slides at most once an hour.
			if (valid.slid) setSessionCookie(event.cookies, event.url, token, valid.session.expiresAt);
		} else {
			clearSessionCookie(event.cookies, event.url);
		}
	}
	return resolve(event);
};

const authorize: Handle = ({ event, resolve }) => {
	const decision = decide(event.route.id, event.locals);
	// Read lazily: prerendered pages may not touch url.search.
	const here = () => encodeURIComponent(event.url.pathname + event.url.search);
	switch (decision.kind) {
		case 'pass':
			return resolve(event);
		case 'login':
			return redirect(303, `/login?next=${here()}`);
		case 'change-password':
			return redirect(303, `/password?next=${here()}`);
		case 'sudo':
			return redirect(303, `/sudo?next=${here()}`);
		case 'unauthorized':
			return json({ message: m.err_signed_out() }, { status: 401 });
		case 'forbidden':
			return error(403, m.err_forbidden());
	}
};

export const handle = sequence(i18n, rateLimit, bodySize, csrf, auth, authorize);
