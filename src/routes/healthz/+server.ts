import { json } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { databaseAnswers } from '$lib/server/health/repo';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const ok = await databaseAnswers(locals.db);
	return json({ ok, version: config.version, db: ok ? 'ok' : 'error' }, { status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
};
