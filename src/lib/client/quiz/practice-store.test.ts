import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteUserDb, XianfengDb } from '../offline/db';
import { scriptedServer } from '../offline/test-server';
import { downloadPracticeSet, loadDaily, loadMistakes, markDailyDone, removePracticeSet, storedPracticeSet } from './practice-store';

let server: Awaited<ReturnType<typeof scriptedServer>>;
let db: XianfengDb;
const NOW = Date.parse('2026-11-02T02:00:00Z');
const q = (id: string) => ({ id, version: 1, bankId: 'b1', type: 'judge', stem: id, options: [], answer: ['true'], blanks: [], orderFree: false, caseInsensitive: false, explanation: '', tags: [], partialCredit: 0.5 });

beforeEach(async () => {
	server = await scriptedServer();
	db = new XianfengDb('practice-store-test');
});
afterEach(async () => {
	db.close();
	await deleteUserDb('practice-store-test');
	await server.close();
});

describe('practice kept on the phone', () => {
	it('downloads a practice bank with its size and removes it again', async () => {
		server.reply({ status: 200, body: { bankId: 'b1', name: '党章党规基础', generatedAt: NOW, questions: [q('q1'), q('q2')] } });
		const stored = await downloadPracticeSet(db, 'b1', { baseUrl: server.baseUrl }, NOW);
		expect(server.received[0].url).toBe('/api/quiz/practice/b1');
		expect(stored.bytes).toBeGreaterThan(100);
		expect((await storedPracticeSet(db, 'b1'))?.questions).toHaveLength(2);
		await removePracticeSet(db, 'b1');
		expect(await storedPracticeSet(db, 'b1')).toBeUndefined();
	});

	it('serves today’s daily set from the device when the server cannot be reached, without what was answered here', async () => {
		server.reply({ status: 200, body: { day: '2026-11-02', cap: 10, answeredToday: 0, questions: [q('a'), q('b'), q('c')] } });
		expect((await loadDaily(db, { baseUrl: server.baseUrl }, NOW))?.questions).toHaveLength(3);
		await markDailyDone(db, 'b', NOW);
		const offline = { baseUrl: 'http://127.0.0.1:1' };
		expect((await loadDaily(db, offline, NOW))?.questions.map((x) => x.id)).toEqual(['a', 'c']);
		// The next day the old set is no use.
		expect(await loadDaily(db, offline, NOW + 24 * 60 * 60 * 1000)).toBeNull();
	});

	it('keeps the last 错题本 for offline use', async () => {
		server.reply({ status: 200, body: { questions: [{ ...q('m1'), wrongCount: 2, rightDays: 0 }] } });
		await loadMistakes(db, { baseUrl: server.baseUrl });
		expect((await loadMistakes(db, { baseUrl: 'http://127.0.0.1:1' }))?.questions[0]).toMatchObject({ id: 'm1', wrongCount: 2 });
	});
});
