import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { SNIFF_BYTES } from '$lib/shared/file-type';

/**
 * Files on disk, named by the SHA-256 of their content: `<dir>/ab/abcdef…`. The same file uploaded
 * twice is stored once. A body is written to `<dir>/tmp/` first and moved into place only when whole
 * and accepted, so a refused or broken upload leaves nothing behind.
 */
export type Received = { ok: true; tmp: string; hash: string; size: number; head: Uint8Array } | { ok: false; reason: 'too_big' | 'empty' };

export const pathOf = (dir: string, hash: string) => join(dir, hash.slice(0, 2), hash);

export async function receive(dir: string, body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Received> {
	await mkdir(join(dir, 'tmp'), { recursive: true });
	const tmp = join(dir, 'tmp', randomUUID());
	const out = createWriteStream(tmp);
	const hash = createHash('sha256');
	const head: number[] = [];
	let size = 0;
	const reader = body.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > maxBytes) {
				await reader.cancel();
				await abandon(out, tmp);
				return { ok: false, reason: 'too_big' };
			}
			if (head.length < SNIFF_BYTES) head.push(...value.subarray(0, SNIFF_BYTES - head.length));
			hash.update(value);
			if (!out.write(value)) await new Promise<void>((r) => out.once('drain', () => r()));
		}
		out.end();
		await finished(out);
	} catch (e) {
		await abandon(out, tmp);
		throw e;
	}
	if (size === 0) {
		await rm(tmp, { force: true });
		return { ok: false, reason: 'empty' };
	}
	return { ok: true, tmp, hash: hash.digest('hex'), size, head: new Uint8Array(head) };
}

/**
 * Stop writing and delete the partial file. The stream opens its file asynchronously: wait for it to
 * close first, or the file could appear after it was deleted.
 */
async function abandon(out: WriteStream, tmp: string) {
	if (!out.closed) await new Promise<void>((resolve) => out.destroy().once('close', () => resolve()));
	await rm(tmp, { force: true });
}

/** Move an accepted upload into place (or drop it when the same content is already stored). */
export async function keep(dir: string, tmp: string, hash: string): Promise<void> {
	const target = pathOf(dir, hash);
	if (await exists(target)) return rm(tmp, { force: true });
	await mkdir(dirname(target), { recursive: true });
	await rename(tmp, target);
}

export async function discard(tmp: string): Promise<void> {
	await rm(tmp, { force: true });
}

async function exists(path: string): Promise<boolean> {
	return stat(path).then(
		() => true,
		() => false
	);
}

/** A byte range of a stored file as a web stream (both ends included). */
export function readRange(dir: string, hash: string, start: number, end: number): ReadableStream<Uint8Array> {
	return Readable.toWeb(createReadStream(pathOf(dir, hash), { start, end })) as ReadableStream<Uint8Array>;
}
