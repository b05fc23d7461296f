import { json } from '@sveltejs/kit';
import { pullChanges, pushOps } from '$lib/server/sync/service';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

const noStore = { 'cache-control': 'no-store' };

export const POST: RequestHandler = async ({ locals, request }) => {
	let body: unknown;
	try {
		body = await request.json();
	} catch (e) {
		return json({ message: m.err_json({ reason: e instanceof Error ? e.message : String(e) }) }, { status: 400, headers: noStore });
	}
	const outcome = await pushOps(locals.db, locals.actor!, body);
	if (!outcome.ok) return json({ message: outcome.message }, { status: outcome.status, headers: noStore });
	return json({ results: outcome.results }, { headers: noStore });
};

export const GET: RequestHandler = async ({ locals, url }) => {
	return json(await pullChanges(locals.db, locals.actor!, url.searchParams.get('since')), { headers: noStore });
};
