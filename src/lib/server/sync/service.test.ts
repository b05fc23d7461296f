import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoActor, tempDatabase } from '../test-db';
import { seedDemo } from '../db/seed/demo';
import { settingsRepo, toMemberSettings } from '../settings/repo';
import { syncOps } from '../db/schema';
import { opHandlers } from './handlers';
import { pullChanges, pushOps } from './service';
import { uuidv7 } from '$lib/shared/id';
import type { Actor } from '$lib/shared/roles';
import type { Db } from '../db/client';

let t: ReturnType<typeof tempDatabase>;
let db: Db;
let member: Actor;
let other: Actor;
const T0 = Date.UTC(2026, 10, 1);

const actorOf = (phone: string) => demoActor(db, phone, T0);
const op = (payload: unknown, at = T0, kind = 'settings.update') => ({ id: uuidv7(at), kind, at, payload });
const settingsOf = async (a: Actor) => toMemberSettings(await settingsRepo(db).get(a.userId));

beforeEach(async () => {
	t = tempDatabase();
	db = t.db;
	await seedDemo(db, T0);
	member = await actorOf('13800000002');
	other = await actorOf('13800000003');
});
afterEach(() => t.dispose());

describe('POST /api/sync', () => {
	it('applies an op once: the same op again answers duplicate and changes nothing', async () => {
		const o = op({ elderMode: true });
		const first = await pushOps(db, member, { ops: [o] }, T0);
		const again = await pushOps(db, member, { ops: [o] }, T0 + 5);
		expect(first).toEqual({ ok: true, results: [{ id: o.id, status: 'applied' }] });
		expect(again).toEqual({ ok: true, results: [{ id: o.id, status: 'duplicate' }] });
		expect(db.select().from(syncOps).all()).toHaveLength(1);
	});

	it('answers a replay within the same batch as duplicate too', async () => {
		const o = op({ elderMode: true });
		const r = await pushOps(db, member, { ops: [o, o] }, T0);
		expect(r.ok && r.results.map((x) => x.status)).toEqual(['applied', 'duplicate']);
	});

	it('rejects a bad op with a reason and still applies the others in its batch', async () => {
		const good = op({ elderMode: true });
		const badPayload = op({ elderMode: 'yes' });
		const unknown = op({}, T0, 'reading.progress.v0');
		const r = await pushOps(db, member, { ops: [badPayload, good, unknown] }, T0);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.results[0]).toMatchObject({ status: 'rejected', error: '关怀模式的取值应为开或关' });
		expect(r.results[1]).toEqual({ id: good.id, status: 'applied' });
		expect(r.results[2]).toMatchObject({ status: 'rejected', error: '不支持的操作类型：reading.progress.v0' });
		expect((await settingsOf(member)).elderMode).toBe(true);
		// A replay of a rejected op answers as the first time.
		const replay = await pushOps(db, member, { ops: [badPayload] }, T0 + 1);
		expect(replay.ok && replay.results[0]).toMatchObject({ status: 'rejected', error: '关怀模式的取值应为开或关' });
	});

	it('answers 400 with a reason for malformed batches and writes nothing', async () => {
		const cases: [unknown, RegExp][] = [
			[null, /ops/],
			[{}, /ops/],
			[{ ops: 'x' }, /ops/],
			[{ ops: Array.from({ length: 101 }, () => op({ elderMode: true })) }, /最多提交 100 条/],
			[{ ops: [op({ elderMode: true }), { id: 'not-a-uuid', kind: 'settings.update', at: 1, payload: {} }] }, /第 1 条操作无效：操作编号无效/],
			[{ ops: [{ id: uuidv7(), kind: 'settings.update', at: 'yesterday', payload: {} }] }, /操作时间无效/]
		];
		for (const [body, message] of cases) {
			const r = await pushOps(db, member, body, T0);
			expect(r.ok).toBe(false);
			expect(!r.ok && r.status).toBe(400);
			expect(!r.ok && r.message).toMatch(message);
		}
		expect(db.select().from(syncOps).all()).toHaveLength(0);
	});

	it('keeps op ids per member: another member’s op with the same id is theirs alone', async () => {
		const o = op({ elderMode: true });
		await pushOps(db, member, { ops: [o] }, T0);
		const r = await pushOps(db, other, { ops: [{ ...o, payload: { locale: 'en' } }] }, T0);
		expect(r.ok && r.results[0].status).toBe('applied');
		expect(await settingsOf(other)).toEqual({ elderMode: false, locale: 'en' });
		expect(await settingsOf(member)).toEqual({ elderMode: true, locale: 'zh-CN' });
	});

	it('merges settings per field by device time: an older change from another device loses', async () => {
		await pushOps(db, member, { ops: [op({ elderMode: true }, T0 + 2000)] }, T0 + 3000);
		await pushOps(db, member, { ops: [op({ elderMode: false, locale: 'en' }, T0 + 1000)] }, T0 + 4000);
		expect(await settingsOf(member)).toEqual({ elderMode: true, locale: 'en' });
	});

	it('refuses ops stamped more than a day in the future', async () => {
		const r = await pushOps(db, member, { ops: [op({ elderMode: true }, T0 + 2 * 86_400_000)] }, T0);
		expect(r.ok && r.results[0].status).toBe('rejected');
	});
});

describe('GET /api/sync', () => {
	it('returns the member’s settings when they changed since the cursor, and nothing otherwise', async () => {
		const empty = await pullChanges(db, member, null, T0);
		expect(empty.settings).toBeNull();
		await pushOps(db, member, { ops: [op({ elderMode: true }, T0 + 10)] }, T0 + 10);
		const changed = await pullChanges(db, member, empty.cursor, T0 + 20);
		expect(changed.settings).toEqual({ elderMode: true, locale: 'zh-CN' });
		const quiet = await pullChanges(db, member, changed.cursor, T0 + 30);
		expect(quiet.settings).toBeNull();
		expect((await pullChanges(db, other, null, T0 + 30)).settings).toBeNull();
	});
});

describe('group commit', () => {
	it('writes concurrent requests of different members in one go, each answered for itself', async () => {
		const a = op({ elderMode: true });
		const b = op({ locale: 'en' });
		const [ra, rb, again] = await Promise.all([
			pushOps(db, member, { ops: [a] }, T0),
			pushOps(db, other, { ops: [b] }, T0),
			pushOps(db, member, { ops: [a] }, T0)
		]);
		expect(ra).toEqual({ ok: true, results: [{ id: a.id, status: 'applied' }] });
		expect(rb).toEqual({ ok: true, results: [{ id: b.id, status: 'applied' }] });
		expect(again).toEqual({ ok: true, results: [{ id: a.id, status: 'duplicate' }] });
		expect(await settingsOf(member)).toEqual({ elderMode: true, locale: 'zh-CN' });
		expect(await settingsOf(other)).toEqual({ elderMode: false, locale: 'en' });
	});

	it('fails only the request whose write crashed, and keeps nothing of it', async () => {
		opHandlers['test.crash'] = (_db, _actor, _payload) => ({ write: () => { throw new Error('disk on fire'); } });
		try {
			const good = op({ locale: 'en' });
			const halfDone = op({ elderMode: true });
			const [crashed, fine] = await Promise.allSettled([
				pushOps(db, member, { ops: [halfDone, op({}, T0, 'test.crash')] }, T0),
				pushOps(db, other, { ops: [good] }, T0)
			]);
			expect(crashed.status).toBe('rejected');
			expect(fine.status === 'fulfilled' && fine.value).toEqual({ ok: true, results: [{ id: good.id, status: 'applied' }] });
			// The crashed request left nothing behind, so the phone's retry applies it in full.
			expect((await settingsOf(member)).elderMode).toBe(false);
			const retry = await pushOps(db, member, { ops: [halfDone] }, T0 + 1);
			expect(retry.ok && retry.results[0].status).toBe('applied');
		} finally {
			delete opHandlers['test.crash'];
		}
	});
});
