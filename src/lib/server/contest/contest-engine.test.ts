import { beforeEach, describe, expect, it } from 'vitest';
import { withDemoDatabase } from '../test-db';
import { applyContestEvent, forgetLiveContests, liveContest, type ContestPlan } from './contest-engine';
import { contestRepo } from './contest-repo';
import type { Db } from '../db/client';
import type { ContestEvent } from '$lib/shared/contest/machine';
import type { QuestionContent } from '$lib/shared/quiz/types';

const T0 = Date.UTC(2026, 10, 1);
const demo = withDemoDatabase(T0);
let db: Db;
beforeEach(() => {
	db = demo.db;
});

/** A contest of two single-choice questions from the demo practice bank, and their right and wrong keys. */
function setUp() {
	const rows = db.$client
		.prepare("SELECT q.id, q.version, v.content FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.version WHERE q.type = 'single' ORDER BY q.id LIMIT 2")
		.all() as { id: string; version: number; content: string }[];
	const keys = rows.map((r) => {
		const c = JSON.parse(r.content) as QuestionContent;
		return { right: c.answer, wrong: [c.options.find((o) => o.key !== c.answer[0])!.key] };
	});
	const plan: ContestPlan = {
		rounds: [{ kind: 'all', questionIds: rows.map((r) => r.id), seconds: 20, readSeconds: 3, scoring: { mode: 'accuracy', points: 10 }, buzzPenalty: 0 }],
		versions: Object.fromEntries(rows.map((r) => [r.id, r.version]))
	};
	const office = db.$client.prepare("SELECT id FROM org_units WHERE name = '机关第一党支部'").get() as { id: string };
	contestRepo(db).insert({ id: 'c1', title: '支部知识竞赛', ownerUnitId: office.id, code: '123456', plan: JSON.stringify(plan), createdBy: null, createdAt: T0 });
	return keys;
}

const apply = async (event: ContestEvent, at: number) => {
	const r = await applyContestEvent(db, 'c1', event, T0 + at);
	if (!r) throw new Error('no contest');
	return r;
};
const host = async (command: Extract<ContestEvent, { type: 'host' }>['command'], at: number) => apply({ type: 'host', expectSeq: (await liveContest(db, 'c1'))!.state.seq, command }, at);

describe('a contest on the server', () => {
	it('grades with the frozen answer keys and keeps each answer once', async () => {
		const keys = setUp();
		await apply({ type: 'join', playerId: 'u1', name: '刘洋', teamId: null }, 0);
		await apply({ type: 'join', playerId: 'u2', name: '杨静', teamId: null }, 0);
		await host({ type: 'start' }, 1_000);
		await apply({ type: 'tick' }, 4_000);
		expect(await apply({ type: 'answer', playerId: 'u1', response: keys[0].right }, 6_000)).toMatchObject({ ok: true });
		expect(await apply({ type: 'answer', playerId: 'u1', response: keys[0].wrong }, 6_500)).toEqual({ ok: false, reason: 'already' });
		await apply({ type: 'answer', playerId: 'u2', response: keys[0].wrong }, 7_000);
		const { state } = (await liveContest(db, 'c1'))!;
		expect(state.phase).toBe('reveal');
		expect(state.lastPoints).toEqual({ u1: 10, u2: 0 });
		expect((db.$client.prepare("SELECT count(*) AS n FROM contest_answers WHERE contest_id = 'c1'").get() as { n: number }).n).toBe(2);
	});

	it('resumes after a restart from its event log, inside the open question', async () => {
		const keys = setUp();
		await apply({ type: 'join', playerId: 'u1', name: '刘洋', teamId: null }, 0);
		await apply({ type: 'join', playerId: 'u2', name: '杨静', teamId: null }, 0);
		await host({ type: 'start' }, 1_000);
		await apply({ type: 'tick' }, 4_000);
		await apply({ type: 'answer', playerId: 'u1', response: keys[0].right }, 6_000);
		const before = structuredClone((await liveContest(db, 'c1'))!.state);

		forgetLiveContests(db); // the server restarts
		const after = (await liveContest(db, 'c1'))!.state;
		expect(after).toEqual(before);
		expect(after.phase).toBe('open');
		// The same player cannot answer again; the other still can, and the question goes on.
		expect(await apply({ type: 'answer', playerId: 'u1', response: keys[0].wrong }, 8_000)).toEqual({ ok: false, reason: 'already' });
		await apply({ type: 'answer', playerId: 'u2', response: keys[0].right }, 9_000);
		expect((await liveContest(db, 'c1'))!.state.players).toMatchObject({ u1: { score: 10 }, u2: { score: 10 } });
	});

	it('records the end of the contest', async () => {
		setUp();
		await host({ type: 'end' }, 1_000);
		expect(contestRepo(db).byId('c1')?.endedAt).toBe(T0 + 1_000);
		expect(await applyContestEvent(db, 'missing', { type: 'tick' }, T0)).toBeNull();
	});

	it('pays members who answered by their final rank when it ends; guests and onlookers earn nothing', async () => {
		const keys = setUp();
		const ids = (db.$client.prepare("SELECT id FROM users WHERE phone IN ('13800000002', '13800000004', '13800000005') ORDER BY phone").all() as { id: string }[]).map((r) => r.id);
		const [first, second, onlooker] = ids;
		for (const [i, playerId] of [first, second, onlooker, 'guest-1'].entries()) await apply({ type: 'join', playerId, name: `p${i}`, teamId: null }, 0);
		await host({ type: 'start' }, 1_000);
		await apply({ type: 'tick' }, 4_000);
		await apply({ type: 'answer', playerId: first, response: keys[0].right }, 6_000);
		await apply({ type: 'answer', playerId: second, response: keys[0].wrong }, 6_500);
		await apply({ type: 'answer', playerId: 'guest-1', response: keys[0].right }, 7_000);
		await apply({ type: 'tick' }, 25_000); // time is up: the reveal counts the answers
		await host({ type: 'end' }, 30_000);
		const rows = db.$client.prepare("SELECT user_id AS userId, points, note FROM points_ledger WHERE rule = 'contest' ORDER BY points DESC").all();
		// The guest shares first place but is no member; the member ranks 1st (2 + 6), the other 3rd behind the guest (2 + 2).
		expect(rows).toEqual([
			{ userId: first, points: 8, note: '支部知识竞赛' },
			{ userId: second, points: 4, note: '支部知识竞赛' }
		]);
	});
});
