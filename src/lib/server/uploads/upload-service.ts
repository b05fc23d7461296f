import { error } from '@sveltejs/kit';
import { policy } from '../auth/policy';
import { config } from '../config';
import type { Db } from '../db/client';
import { recordAudit } from '../audit/audit-service';
import { discard, keep, readRange, receive } from './file-store';
import { fileRepo, type FileRow } from './file-repo';
import { parseRange } from './range';
import { m } from '$lib/paraglide/messages';
import { sniffFileType, type FileKind } from '$lib/shared/file-type';
import type { Actor } from '$lib/shared/roles';

export interface UploadedFile {
	src: string;
	name: string;
	mime: string;
	kind: FileKind;
	size: number;
}

export type UploadOutcome = { ok: true; file: UploadedFile } | { ok: false; status: 400 | 413 | 415; message: string };

const HASH = /^[0-9a-f]{64}$/;
export const fileSrc = (hash: string) => `/files/${hash}`;
/** The hash inside a `/files/<hash>` address, or null for anything else (a link to another site…). */
export const hashOfSrc = (src: string) => /^\/files\/([0-9a-f]{64})$/.exec(src)?.[1] ?? null;

/**
 * Store an upload from a writer of modules (secretaries and admins). Its type comes from its content
 * and must be one of `accept`; size is checked as the bytes arrive. A refusal leaves nothing on disk.
 */
export async function uploadFile(
	db: Db,
	actor: Actor,
	upload: { body: ReadableStream<Uint8Array> | null; name: string; length: number | null; accept: FileKind[] },
	now = Date.now(),
	limits = { dir: config.uploadsDir, maxBytes: config.uploadMaxBytes }
): Promise<UploadOutcome> {
	if (!policy.uploadFile(actor)) error(403, m.err_forbidden());
	const tooBig = { ok: false, status: 413, message: m.err_upload_too_big({ max: Math.round(limits.maxBytes / 1024 / 1024) }) } as const;
	if (upload.length !== null && upload.length > limits.maxBytes) return tooBig;
	if (!upload.body) return { ok: false, status: 400, message: m.err_upload_empty() };
	const got = await receive(limits.dir, upload.body, limits.maxBytes);
	if (!got.ok) return got.reason === 'too_big' ? tooBig : { ok: false, status: 400, message: m.err_upload_empty() };
	const type = sniffFileType(got.head);
	if (!type || !upload.accept.includes(type.kind)) {
		await discard(got.tmp);
		return { ok: false, status: 415, message: type ? m.err_upload_kind({ kind: kindWords(upload.accept) }) : m.err_upload_type() };
	}
	await keep(limits.dir, got.tmp, got.hash);
	const name = upload.name.replace(/[\\/\r\n\t]/g, '').slice(0, 120) || `file.${type.ext}`;
	await fileRepo(db).insert({ hash: got.hash, mime: type.mime, kind: type.kind, size: got.size, name, createdBy: actor.userId, createdAt: now });
	recordAudit(db, actor, 'file.upload', { targetId: got.hash, summary: name, unitPath: policy.managementRoot(actor) ?? actor.branchPath }, now);
	return { ok: true, file: { src: fileSrc(got.hash), name, mime: type.mime, kind: type.kind, size: got.size } };
}

function kindWords(kinds: FileKind[]): string {
	if (kinds.length === 2 && kinds.includes('audio') && kinds.includes('video')) return m.file_kind_media();
	const words = { image: m.file_kind_image, audio: m.file_kind_audio, video: m.file_kind_video, pdf: m.file_kind_pdf };
	return kinds.map((k) => words[k]()).join('、');
}

export async function fileRecord(db: Db, hash: string): Promise<FileRow | undefined> {
	return HASH.test(hash) ? fileRepo(db).byHash(hash) : undefined;
}

/**
 * Serve a stored file to a signed-in member: ranges (so audio and video can seek), a year's private
 * cache (the address is the content's hash, so it never changes), and the type found at upload.
 */
export async function serveFile(db: Db, hash: string, rangeHeader: string | null, dir = config.uploadsDir): Promise<Response> {
	const file = await fileRecord(db, hash);
	if (!file) error(404, m.err_upload_missing());
	const headers: Record<string, string> = {
		'content-type': file.mime,
		'accept-ranges': 'bytes',
		'cache-control': 'private, max-age=31536000, immutable',
		etag: `"${file.hash}"`,
		'x-content-type-options': 'nosniff',
		'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`
	};
	const range = parseRange(rangeHeader, file.size);
	if (range === 'invalid') return new Response(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${file.size}` } });
	const { start, end } = range ?? { start: 0, end: file.size - 1 };
	return new Response(readRange(dir, file.hash, start, end), {
		status: range ? 206 : 200,
		headers: { ...headers, 'content-length': String(end - start + 1), ...(range ? { 'content-range': `bytes ${start}-${end}/${file.size}` } : {}) }
	});
}
