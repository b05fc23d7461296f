import { json } from '@sveltejs/kit';
import { uploadFile } from '$lib/server/uploads/upload-service';
import type { FileKind } from '$lib/shared/file-type';
import type { RequestHandler } from './$types';

const KINDS: FileKind[] = ['image', 'audio', 'video', 'pdf'];

/** `POST /api/files?accept=audio,video&name=…` with the file as the raw body: the stored file's address, or why not. */
export const POST: RequestHandler = async ({ locals, request, url }) => {
	const accept = (url.searchParams.get('accept') ?? '').split(',').filter((k): k is FileKind => KINDS.includes(k as FileKind));
	const length = request.headers.get('content-length');
	const r = await uploadFile(locals.db, locals.actor!, {
		body: request.body,
		name: url.searchParams.get('name') ?? '',
		length: length === null ? null : Number(length),
		accept: accept.length ? accept : KINDS
	});
	return r.ok ? json(r.file) : json({ message: r.message }, { status: r.status });
};
