import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XianfengDb, deleteUserDb } from './db';
import { enqueue } from './outbox';
import { backoffDelay, retryAfterMs } from './backoff';
import { SyncEngine } from './sync-engine.svelte';
import { auto, scriptedServer, type Received } from './test-server';

let server: Awaited<ReturnType<typeof scriptedServer>>;
let db: XianfengDb;
let engine: SyncEngine;
let userSeq = 0;
/** Every engine a test makes, stopped and settled before its database closes. */
const engines: SyncEngine[] = [];
const make = (opts: Partial<ConstructorParameters<typeof SyncEngine>[0]> = {}) => {
	const e = new SyncEngine({ db, lockName: 'test', baseUrl: server.baseUrl, random: () => 0.5, ...opts });
	engines.push(e);
	return e;
};

beforeEach(async () => {
	server = await scriptedServer();
	db = new XianfengDb(`test-${++userSeq}`);
	engine = make({ fetch: globalThis.fetch.bind(globalThis) });
});
afterEach(async () => {
	for (const e of engines.splice(0)) {
		await e.settled();
		e.stop();
	}
	db.close();
	await deleteUserDb(`test-${userSeq}`);
	await server.close();
});

const posts = () => server.received.filter((r) => r.method === 'POST');
const sentIds = (r: Received) => (r.body as { ops: { id: string }[] }).ops.map((o) => o.id);

describe('outbox', () => {
	it('keeps an enqueued op on the device with an id made before sending', async () => {
		const op = await enqueue(db, 'settings.update', { elderMode: true });
		expect(op.id).toMatch(/^[0-9a-f-]{36}$/);
		const stored = await db.outbox.toArray();
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({ id: op.id, kind: 'settings.update', state: 'pending', payload: { elderMode: true } });
	});
});

describe('drain', () => {
	it('sends pending ops in order, in batches, and forgets them once acknowledged', async () => {
		const a = await enqueue(db, 'settings.update', { elderMode: true });
		const b = await enqueue(db, 'settings.update', { locale: 'en' });
		const small = make({ batchSize: 1 });
		expect(await small.drain()).toBe('empty');
		expect(posts().map(sentIds)).toEqual([[a.id], [b.id]]);
		expect(await db.outbox.count()).toBe(0);
		expect(small.status).toBe('synced');
	});

	it('treats duplicate as acknowledged: the server already has it', async () => {
		const a = await enqueue(db, 'settings.update', { elderMode: true });
		server.reply({ status: 200, body: { results: [{ id: a.id, status: 'duplicate' }] } });
		expect(await engine.drain()).toBe('empty');
		expect(await db.outbox.count()).toBe(0);
	});

	it('keeps everything and backs off on 5xx and network errors, then delivers', async () => {
		const a = await enqueue(db, 'settings.update', { elderMode: true });
		server.reply({ status: 503, body: { message: 'down' } });
		expect(await engine.drain()).toBe('retry');
		expect(await db.outbox.count()).toBe(1);
		expect(engine.status).toBe('pending');
		const first = engine.nextRetryMs!;
		server.reply({ status: 500 });
		await engine.drain();
		expect(engine.nextRetryMs!).toBeGreaterThan(first);

		const offline = make({ baseUrl: 'http://127.0.0.1:9' });
		expect(await offline.drain()).toBe('offline');
		expect(offline.status).toBe('offline');
		expect(await db.outbox.count()).toBe(1);
		offline.stop();

		expect(await engine.drain()).toBe('empty');
		expect(posts().at(-1) && sentIds(posts().at(-1)!)).toEqual([a.id]);
	});

	it('waits as long as a 429 Retry-After says', async () => {
		await enqueue(db, 'settings.update', { elderMode: true });
		server.reply({ status: 429, headers: { 'retry-after': '7' } });
		expect(await engine.drain()).toBe('retry');
		expect(engine.nextRetryMs).toBe(7000);
	});

	it('on 401 keeps every op, says sign in again, and stops sending until told', async () => {
		await enqueue(db, 'settings.update', { elderMode: true });
		server.reply({ status: 401, body: { message: '登录已过期' } });
		expect(await engine.drain()).toBe('auth');
		expect(engine.status).toBe('auth');
		expect(await db.outbox.count()).toBe(1);
		expect(await engine.drain()).toBe('auth');
		expect(posts()).toHaveLength(1);
		expect(await engine.syncNow()).toBe('empty');
		expect(await db.outbox.count()).toBe(0);
	});

	it('marks an op the server rejected, keeps it for the member, and goes on with the rest', async () => {
		const bad = await enqueue(db, 'settings.update', { elderMode: 'x' });
		const good = await enqueue(db, 'settings.update', { elderMode: true });
		server.reply({ status: 200, body: { results: [{ id: bad.id, status: 'rejected', error: '关怀模式的取值应为开或关' }, { id: good.id, status: 'applied' }] } });
		expect(await engine.drain()).toBe('empty');
		expect(engine.rejected.map((o) => [o.id, o.error])).toEqual([[bad.id, '关怀模式的取值应为开或关']]);
		expect(engine.pending).toBe(0);
		await engine.dismiss(bad.id);
		expect(engine.rejected).toEqual([]);
	});

	it('on a 4xx for a whole batch, resends one by one and rejects only the culprit', async () => {
		const a = await enqueue(db, 'settings.update', { elderMode: true });
		const b = await enqueue(db, 'settings.update', { elderMode: false });
		server.reply(
			{ status: 400, body: { message: '第 1 条操作无效' } },
			auto,
			{ status: 400, body: { message: '操作内容过大' } }
		);
		expect(await engine.drain()).toBe('empty');
		expect(posts().map(sentIds)).toEqual([[a.id, b.id], [a.id], [b.id]]);
		expect(engine.rejected.map((o) => [o.id, o.error])).toEqual([[b.id, '操作内容过大']]);
	});
});

describe('pull', () => {
	it('hands changes to the owner and sends the cursor next time', async () => {
		const seen: unknown[] = [];
		const puller = make({ onPulled: (c) => void seen.push(c.settings) });
		server.reply({ status: 200, body: { cursor: '42', settings: { elderMode: true, locale: 'en' } } });
		await puller.pull();
		await puller.pull();
		expect(seen).toEqual([{ elderMode: true, locale: 'en' }, null]);
		expect(server.received.at(-1)?.url).toBe('/api/sync?since=1'.replace('1', '42'));
	});
});

describe('a pull cut short', () => {
	it('is tried again, so a phone that just came back online does not stay “offline”', async () => {
		let failures = 1;
		const flaky = make({ fetch: (input, init) => (failures-- > 0 ? Promise.reject(new TypeError('network')) : globalThis.fetch(input, init)) });
		expect(await flaky.pull()).toBeNull();
		expect(flaky.status).toBe('offline');
		expect(flaky.nextRetryMs).not.toBeNull();
		await expect.poll(() => flaky.status, { timeout: 5000 }).toBe('synced');
		expect(server.received.filter((r) => r.method === 'GET')).toHaveLength(1);
	});
});

describe('backoff', () => {
	it('grows exponentially with jitter and a ceiling', () => {
		expect(backoffDelay(0, () => 0)).toBe(500);
		expect(backoffDelay(3, () => 1)).toBe(8000);
		expect(backoffDelay(30, () => 1)).toBe(300000);
	});
	it('reads Retry-After as seconds or a date', () => {
		expect(retryAfterMs('3')).toBe(3000);
		expect(retryAfterMs(new Date(Date.UTC(2026, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(10000);
		expect(retryAfterMs(null)).toBeNull();
	});
});

describe('a server that answers without covering the batch', () => {
	it('keeps the ops and waits instead of resending in a loop', async () => {
		await enqueue(db, 'settings.update', { elderMode: true });
		server.reply({ status: 200, body: { results: [] } });
		expect(await engine.drain()).toBe('retry');
		expect(posts()).toHaveLength(1);
		expect(await db.outbox.count()).toBe(1);
	});
});
