import { json } from '@sveltejs/kit';
import { mistakeBook } from '$lib/server/quiz/practice-service';
import type { RequestHandler } from './$types';

/** The signed-in member's 错题本. */
export const GET: RequestHandler = async ({ locals }) => json(await mistakeBook(locals.db, locals.actor!), { headers: { 'cache-control': 'private, no-store' } });
