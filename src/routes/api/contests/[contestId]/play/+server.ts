import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { playerAction } from '$lib/server/contest/contest-service';
import { playerFrom } from '$lib/server/contest/guest-cookie';
import { m } from '$lib/paraglide/messages';
import { playSchema } from '$lib/shared/contest/api-schemas';
import { firstIssue } from '$lib/shared/schemas';
import type { RequestHandler } from './$types';

/** `POST …/play { type: answer | buzz | stake }`: acknowledged only once it is stored. */
export const POST: RequestHandler = async ({ locals, params, request, cookies }) => {
	const who = playerFrom(locals.actor, cookies);
	if (!who) return json({ message: m.err_signed_out() }, { status: 401 });
	const body = v.safeParse(playSchema, await request.json().catch(() => null));
	if (!body.success) return json({ message: firstIssue(body.issues) }, { status: 400 });
	const r = await playerAction(locals.db, who, params.contestId, body.output);
	return r.ok ? json({ seq: r.seq }) : json({ message: r.message, reason: r.reason }, { status: 409 });
};
