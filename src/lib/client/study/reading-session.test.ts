import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XianfengDb, deleteUserDb } from '../offline/db';
import { ReadingSession } from './reading-session.svelte';

let db: XianfengDb;
let seq = 0;
let clock = 1_800_000_000_000;
const sent: { kind: string; payload: { lessonId: string; fromAt: number; toAt: number; ms: number } }[] = [];
const engine = { enqueue: async (kind: string, payload: unknown) => (sent.push({ kind, payload: structuredClone(payload) as never }), {} as never) };

beforeEach(() => {
	db = new XianfengDb(`reading-test-${seq++}`);
	sent.length = 0;
});
afterEach(async () => {
	db.close();
	await deleteUserDb(`reading-test-${seq - 1}`);
});

describe('a reading session', () => {
	it('queues what the clock counted and keeps the phone’s total for the next visit', async () => {
		const session = new ReadingSession({ lessonId: 'l1', serverMs: 60_000, db, engine, now: () => clock });
		const stop = await session.start();
		clock += 20_000;
		window.dispatchEvent(new Event('scroll'));
		clock += 10_000;
		await session.flush();
		expect(sent).toEqual([{ kind: 'study.progress', payload: { lessonId: 'l1', fromAt: clock - 30_000, toAt: clock, ms: 30_000 } }]);
		expect(session.effectiveMs).toBe(90_000);
		stop();

		// Offline next time, the server still says 60 s: the phone's own total wins.
		const next = new ReadingSession({ lessonId: 'l1', serverMs: 60_000, db, engine, now: () => clock });
		const stopNext = await next.start();
		expect(next.effectiveMs).toBe(90_000);
		stopNext();
	});

	it('counts nothing after a minute without a touch', async () => {
		const session = new ReadingSession({ lessonId: 'l2', serverMs: 0, db, engine, now: () => clock });
		const stop = await session.start();
		clock += 10 * 60_000;
		await session.flush();
		expect(sent.map((s) => s.payload.ms)).toEqual([60_000]);
		stop();
	});
});
