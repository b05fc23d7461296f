import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { joinByCode } from '$lib/server/contest/contest-service';
import { joinSchema } from '$lib/shared/contest/api-schemas';
import { firstIssue } from '$lib/shared/schemas';
import type { RequestHandler } from './$types';

/** `POST /api/contests/join { code }`: the signed-in member takes (or takes back) their seat. */
export const POST: RequestHandler = async ({ locals, request }) => {
	const body = v.safeParse(joinSchema, await request.json().catch(() => null));
	if (!body.success) return json({ message: firstIssue(body.issues) }, { status: 400 });
	const r = await joinByCode(locals.db, locals.actor!, body.output.code);
	return r.ok ? json({ contestId: r.contestId, title: r.title, seat: r.seat }) : json({ message: r.message }, { status: 404 });
};
