import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { joinAsGuest } from '$lib/server/contest/contest-service';
import { ensureGuest } from '$lib/server/contest/guest-cookie';
import { guestJoinSchema } from '$lib/shared/contest/api-schemas';
import { firstIssue } from '$lib/shared/schemas';
import type { RequestHandler } from './$types';

/**
 * `POST /api/contests/guest { code, nickname? }`: someone not signed in takes a seat, where the contest
 * lets guests in. Without a nickname it says whether one is needed (a returning guest keeps their seat).
 */
export const POST: RequestHandler = async ({ locals, request, cookies, url }) => {
	const body = v.safeParse(guestJoinSchema, await request.json().catch(() => null));
	if (!body.success) return json({ message: firstIssue(body.issues) }, { status: 400 });
	const r = await joinAsGuest(locals.db, ensureGuest(cookies, url), body.output.code, body.output.nickname ?? null);
	if (r.ok) return json(r);
	return json({ message: r.message, reason: r.login ? 'login' : 'refused' }, { status: r.login ? 401 : 400 });
};
