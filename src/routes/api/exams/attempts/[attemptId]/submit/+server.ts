import { json } from '@sveltejs/kit';
import { submitAttempt } from '$lib/server/quiz/exam-attempt-service';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** 交卷 with the whole answer sheet: the result, as far as the exam shows it. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const body = await request.json().catch(() => null);
	if (body === null) return json({ message: m.err_exam_answer() }, { status: 400 });
	const r = await submitAttempt(locals.db, locals.actor!, params.attemptId, body);
	return r.ok ? json(r.result) : json({ message: r.message }, { status: 400 });
};
