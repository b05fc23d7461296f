import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { hostCommand } from '$lib/server/contest/contest-service';
import { hostSchema } from '$lib/shared/contest/api-schemas';
import { firstIssue } from '$lib/shared/schemas';
import type { RequestHandler } from './$types';

/** `POST …/host { expectSeq, command }`: a host command, refused (409) when the screen was out of date. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const body = v.safeParse(hostSchema, await request.json().catch(() => null));
	if (!body.success) return json({ message: firstIssue(body.issues) }, { status: 400 });
	const r = await hostCommand(locals.db, locals.actor!, params.contestId, body.output.expectSeq, body.output.command);
	return r.ok ? json({ seq: r.seq }) : json({ message: r.message, reason: r.reason }, { status: 409 });
};
