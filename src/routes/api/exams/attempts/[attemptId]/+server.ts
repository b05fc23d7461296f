import { json } from '@sveltejs/kit';
import { attemptView } from '$lib/server/quiz/exam-attempt-service';
import type { RequestHandler } from './$types';

/** The paper of an attempt, without keys, and the answers the server holds. */
export const GET: RequestHandler = async ({ locals, params }) => json(await attemptView(locals.db, locals.actor!, params.attemptId), { headers: { 'cache-control': 'no-store' } });
