import { json } from '@sveltejs/kit';
import { dailySet } from '$lib/server/quiz/practice-service';
import type { RequestHandler } from './$types';

/** Today's 每日练习 for the signed-in member. */
export const GET: RequestHandler = async ({ locals }) => json(await dailySet(locals.db, locals.actor!), { headers: { 'cache-control': 'private, no-store' } });
