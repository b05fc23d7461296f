import { json } from '@sveltejs/kit';
import { startAttempt } from '$lib/server/quiz/exam-attempt-service';
import type { RequestHandler } from './$types';

/** Start an attempt, or get back the one under way: `{ attemptId }`. */
export const POST: RequestHandler = async ({ locals, params }) => {
	const r = await startAttempt(locals.db, locals.actor!, params.examId);
	return r.ok ? json({ attemptId: r.attemptId }) : json({ message: r.message }, { status: 409 });
};
