import { json } from '@sveltejs/kit';
import { previewImport } from '$lib/server/quiz/import-service';
import type { RequestHandler } from './$types';

/** `POST /api/questions/preview?format=text` with the file as the body: `{ questions, errors }`, nothing written. */
export const POST: RequestHandler = async ({ locals, request, url }) => {
	const outcome = await previewImport(locals.actor!, url.searchParams.get('format'), new Uint8Array(await request.arrayBuffer()));
	if (!outcome.ok) return json({ message: outcome.message }, { status: outcome.status });
	return json(outcome.result, { headers: { 'cache-control': 'no-store' } });
};
