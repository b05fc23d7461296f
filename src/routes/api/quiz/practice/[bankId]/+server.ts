import { json } from '@sveltejs/kit';
import { practiceSet } from '$lib/server/quiz/practice-service';
import type { RequestHandler } from './$types';

/** A practice bank to keep on the phone: questions with keys and explanations (practice banks only). */
export const GET: RequestHandler = async ({ locals, params }) =>
	json(await practiceSet(locals.db, locals.actor!, params.bankId), { headers: { 'cache-control': 'private, no-store' } });
