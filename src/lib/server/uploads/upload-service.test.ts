import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoActor, withDemoDatabase } from '../test-db';
import { demoWav } from '../db/seed/demo-audio';
import { serveFile, uploadFile } from './upload-service';
import type { Db } from '../db/client';
import type { FileKind } from '$lib/shared/file-type';

const T0 = Date.UTC(2026, 10, 1);
const demo = withDemoDatabase(T0);
let db: Db;
let dir: string;
beforeEach(() => {
	db = demo.db;
	dir = mkdtempSync(join(tmpdir(), 'xianfeng-uploads-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const stream = (bytes: Uint8Array, chunk = 1000) =>
	new ReadableStream<Uint8Array>({
		start(c) {
			for (let i = 0; i < bytes.length; i += chunk) c.enqueue(bytes.subarray(i, i + chunk));
			c.close();
		}
	});
const upload = async (phone: string, bytes: Uint8Array, name: string, accept: FileKind[] = ['audio', 'video'], maxBytes = 1024 * 1024, length: number | null = null) =>
	uploadFile(db, await demoActor(db, phone, T0), { body: stream(bytes), name, length, accept }, T0, { dir, maxBytes });
/** Every file left under the uploads folder, temporary ones included. */
const onDisk = () => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
const html = new TextEncoder().encode('<!DOCTYPE html><script>alert(1)</script>');

describe('uploads', () => {
	it('store a recording once, by the hash of its content, with the type found inside it', async () => {
		const wav = demoWav();
		const r = await upload('13800000001', wav, '党课录音.mp3');
		expect(r).toMatchObject({ ok: true, file: { mime: 'audio/wav', kind: 'audio', size: wav.length, name: '党课录音.mp3' } });
		const again = await upload('13800000001', wav, '又一次.wav');
		expect(again.ok && again.file.src).toBe(r.ok && r.file.src);
		expect(onDisk()).toHaveLength(1);
	});

	it('refuse the wrong type, whatever its name, and keep nothing', async () => {
		expect(await upload('13800000001', html, '讲话.mp3')).toEqual({ ok: false, status: 415, message: expect.stringContaining('不支持这种文件') });
		expect(await upload('13800000001', demoWav(), '录音.wav', ['pdf'])).toEqual({ ok: false, status: 415, message: '这里需要PDF文件' });
		expect(onDisk()).toEqual([]);
	});

	it('refuse a file over the limit, by its declared length or as it arrives, and keep nothing', async () => {
		const big = new Uint8Array(3000).fill(1);
		big.set(demoWav().subarray(0, 44));
		expect(await upload('13800000001', big, 'big.wav', ['audio'], 2000, 3000)).toMatchObject({ ok: false, status: 413, message: '文件太大了（最大 0 MB）' });
		expect(await upload('13800000001', big, 'big.wav', ['audio'], 2000, null)).toMatchObject({ ok: false, status: 413 });
		expect(onDisk()).toEqual([]);
	});

	it('are for writers of modules only', async () => {
		await expect(upload('13800000002', demoWav(), 'a.wav')).rejects.toMatchObject({ status: 403 });
		expect(onDisk()).toEqual([]);
	});

	it('serve byte ranges so a player can seek', async () => {
		const wav = demoWav();
		const r = await upload('13800000001', wav, 'a.wav');
		if (!r.ok) throw new Error(r.message);
		const hash = r.file.src.slice('/files/'.length);
		const whole = await serveFile(db, hash, null, dir);
		expect(whole.status).toBe(200);
		expect(whole.headers.get('accept-ranges')).toBe('bytes');
		expect(whole.headers.get('cache-control')).toContain('immutable');
		expect(new Uint8Array(await whole.arrayBuffer())).toEqual(wav);
		const part = await serveFile(db, hash, 'bytes=100-199', dir);
		expect(part.status).toBe(206);
		expect(part.headers.get('content-range')).toBe(`bytes 100-199/${wav.length}`);
		expect(new Uint8Array(await part.arrayBuffer())).toEqual(wav.subarray(100, 200));
		expect((await serveFile(db, hash, `bytes=${wav.length}-`, dir)).status).toBe(416);
		await expect(serveFile(db, '0'.repeat(64), null, dir)).rejects.toMatchObject({ status: 404 });
		await expect(serveFile(db, '../../etc/passwd', null, dir)).rejects.toMatchObject({ status: 404 });
	});
});
