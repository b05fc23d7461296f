import { json } from '@sveltejs/kit';
import { attemptResult } from '$lib/server/quiz/exam-attempt-service';
import type { RequestHandler } from './$types';

/** A submitted attempt's result, as far as the exam's settings allow. */
export const GET: RequestHandler = async ({ locals, params }) => json(await attemptResult(locals.db, locals.actor!, params.attemptId), { headers: { 'cache-control': 'no-store' } });
