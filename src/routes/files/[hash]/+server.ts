import { serveFile } from '$lib/server/uploads/upload-service';
import type { RequestHandler } from './$types';

/** An uploaded picture, recording, video or PDF, for signed-in members; seekable with Range. */
export const GET: RequestHandler = async ({ locals, params, request }) => serveFile(locals.db, params.hash, request.headers.get('range'));
