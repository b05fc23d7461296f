import { json } from '@sveltejs/kit';
import { examIntro } from '$lib/server/quiz/exam-attempt-service';
import type { RequestHandler } from './$types';

/** The exam's window, limit and the member's attempts left, for the page before starting. */
export const GET: RequestHandler = async ({ locals, params }) => json(await examIntro(locals.db, locals.actor!, params.examId), { headers: { 'cache-control': 'no-store' } });
