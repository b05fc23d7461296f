import { beforeEach, describe, expect, it } from 'vitest';
import { demoActor, withDemoDatabase } from '../test-db';
import { contestRepo } from './contest-repo';
import { forgetLiveContests } from './contest-engine';
import { assertMayFollow, contestMessage, followContest, guestPlayerId, hostCommand, joinAsGuest, joinByCode, playerAction, roomOf, seatTag } from './contest-service';
import type { ContestMessage } from './contest-bus';
import type { ContestPlan } from './contest-engine';
import type { Db } from '../db/client';
import type { QuestionContent } from '$lib/shared/quiz/types';

const T0 = Date.UTC(2026, 10, 1);
const demo = withDemoDatabase(T0);
let db: Db;
beforeEach(() => {
	db = demo.db;
});
const status = async (p: Promise<unknown>) => p.then(() => 200, (e: { status?: number }) => e.status ?? 500);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function setUp(extra: Partial<ContestPlan> = {}) {
	const row = db.$client
		.prepare("SELECT q.id, q.version, v.content FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.version WHERE q.type = 'single' ORDER BY q.id LIMIT 1")
		.get() as { id: string; version: number; content: string };
	const content = JSON.parse(row.content) as QuestionContent;
	// Read time of 50 ms so the server's own timer opens the answers within the test.
	const plan: ContestPlan = { rounds: [{ kind: 'all', questionIds: [row.id], seconds: 20, readSeconds: 0.05, scoring: { mode: 'accuracy', points: 10 }, buzzPenalty: 0 }], versions: { [row.id]: row.version }, ...extra };
	const office = db.$client.prepare("SELECT id FROM org_units WHERE name = '机关第一党支部'").get() as { id: string };
	contestRepo(db).insert({ id: 'c1', title: '支部知识竞赛', ownerUnitId: office.id, code: '246810', plan: JSON.stringify(plan), createdBy: null, createdAt: T0 });
	return { right: content.answer, wrong: [content.options.find((o) => o.key !== content.answer[0])!.key], explanation: content.explanation };
}

describe('after a restart', () => {
	it('the first follower re-arms the phase timer, so read time still runs out on its own', async () => {
		setUp();
		const secretary = await demoActor(db, '13800000001');
		const a = await demoActor(db, '13800000004');
		await joinByCode(db, a, '246810');
		await hostCommand(db, secretary, 'c1', 1, { type: 'start' });
		// The server restarts: contests and timers held in memory are gone.
		forgetLiveContests(db);
		for (const t of roomOf(db).timers.values()) clearTimeout(t);
		roomOf(db).timers.clear();
		const seen: ContestMessage[] = [];
		const stop = await followContest(db, a, 'c1', (msg) => seen.push(msg));
		expect(seen.at(-1)?.snapshot.phase).toBe('intro');
		await sleep(150);
		expect(seen.at(-1)?.snapshot.phase).toBe('open');
		stop();
	});
});

describe('running a contest', () => {
	it('joins members by code, opens answers on the server’s clock, and tells each player their result', async () => {
		const keys = setUp();
		const secretary = await demoActor(db, '13800000001');
		const a = await demoActor(db, '13800000004');
		const b = await demoActor(db, '13800000005');
		expect(await joinByCode(db, a, '246810')).toEqual({ ok: true, contestId: 'c1', title: '支部知识竞赛', seat: seatTag('c1', a.userId) });
		expect(await joinByCode(db, b, '246810')).toMatchObject({ ok: true });
		expect(await joinByCode(db, a, '999999')).toEqual({ ok: false, message: '没有进行中的这个竞赛码，请核对 6 位数字' });

		const seen: ContestMessage[] = [];
		const stop = await followContest(db, a, 'c1', (msg) => seen.push(msg));
		expect(seen.at(-1)?.snapshot).toMatchObject({ phase: 'lobby', players: 2 });

		const seq = seen.at(-1)!.snapshot.seq;
		expect(await hostCommand(db, secretary, 'c1', seq, { type: 'start' })).toMatchObject({ ok: true });
		expect(await hostCommand(db, secretary, 'c1', seq, { type: 'start' })).toEqual({ ok: false, message: '画面已更新，请再点一次', reason: 'stale' });
		expect(seen.at(-1)?.snapshot.phase).toBe('intro');
		await sleep(150);
		expect(seen.at(-1)?.snapshot).toMatchObject({ phase: 'open', question: { number: 1 } });
		expect(JSON.stringify(seen.at(-1))).not.toContain(JSON.stringify(keys.explanation));

		await playerAction(db, a, 'c1', { type: 'answer', response: keys.right });
		expect(await playerAction(db, a, 'c1', { type: 'answer', response: keys.wrong })).toEqual({ ok: false, message: '已经提交过了', reason: 'already' });
		await playerAction(db, b, 'c1', { type: 'answer', response: keys.wrong });
		const last = seen.at(-1)!;
		expect(last.snapshot).toMatchObject({ phase: 'reveal', reveal: { answer: keys.right } });
		expect(last.personalFor(a.userId)).toEqual({ points: 10, score: 10, rank: 1, correct: 1 });
		expect(last.personalFor(b.userId)).toEqual({ points: 0, score: 0, rank: 2, correct: 0 });
		stop();
	});

	it('is hosted only by whoever manages its branch, and joined only by its members', async () => {
		setUp();
		const member = await demoActor(db, '13800000004');
		expect(await status(hostCommand(db, member, 'c1', 0, { type: 'start' }))).toBe(404);
		const retired = await demoActor(db, '13800000025');
		expect(await joinByCode(db, retired, '246810')).toEqual({ ok: false, message: '没有进行中的这个竞赛码，请核对 6 位数字' });
		expect(await status(playerAction(db, retired, 'c1', { type: 'buzz' }))).toBe(404);
		expect(await playerAction(db, member, 'c1', { type: 'buzz' })).toEqual({ ok: false, message: '请先加入竞赛', reason: 'unknown_player' });
	});
});

describe('guests', () => {
	const guest = (n: number) => ({ guestToken: String(n).repeat(43).slice(0, 43) });

	it('are sent to sign in unless the contest lets them in', async () => {
		setUp();
		expect(await joinAsGuest(db, guest(1), '246810', '小王')).toMatchObject({ ok: false, login: true });
		expect(await status(playerAction(db, guest(1), 'c1', { type: 'buzz' }))).toBe(404);
		expect(await status(assertMayFollow(db, guest(1), 'c1'))).toBe(404);
	});

	it('join under a checked nickname, come back to the same seat, and play; nobody else can act in their seat', async () => {
		const keys = setUp({ guests: true });
		const secretary = await demoActor(db, '13800000001');
		expect(await joinAsGuest(db, guest(1), '246810', null)).toEqual({ ok: true, contestId: 'c1', title: '支部知识竞赛', needNickname: true });
		expect(await joinAsGuest(db, guest(1), '246810', '王书记')).toEqual({ ok: false, message: '昵称不能冒充书记、管理员或组织' });
		expect(await joinAsGuest(db, guest(1), '246810', '')).toEqual({ ok: false, message: '请输入昵称' });
		const joined = await joinAsGuest(db, guest(1), '246810', '  小王 ');
		expect(joined).toMatchObject({ ok: true, seat: seatTag('c1', guestPlayerId(guest(1).guestToken, 'c1')) });
		// Back again (a closed tab): the same seat and name, no nickname asked.
		expect(await joinAsGuest(db, guest(1), '246810', null)).toEqual(joined);
		expect((await assertMayFollow(db, guest(1), 'c1')).host).toBe(false);

		expect(await hostCommand(db, secretary, 'c1', (await contestMessage(db, 'c1'))!.snapshot.seq, { type: 'start' })).toMatchObject({ ok: true });
		await sleep(150);
		// Another browser (another secret) has no seat, even knowing the first guest's id.
		expect(await playerAction(db, guest(2), 'c1', { type: 'answer', response: keys.right })).toMatchObject({ ok: false, reason: 'unknown_player' });
		expect(await playerAction(db, guest(1), 'c1', { type: 'answer', response: keys.right })).toMatchObject({ ok: true });
		const message = await contestMessage(db, 'c1');
		expect(message?.snapshot).toMatchObject({ phase: 'reveal', players: 1 });
		expect(message?.personalFor(guestPlayerId(guest(1).guestToken, 'c1'))).toMatchObject({ score: 10, rank: 1 });
		expect(message?.rosterJson()).toContain('"name":"小王"');
		expect(await status(hostCommand(db, guest(1) as never, 'c1', 0, { type: 'next' }))).not.toBe(200);
	});

	it('names the first buzzer by a seat tag, never by account id', async () => {
		setUp();
		const plan = JSON.parse(contestRepo(db).byId('c1')!.plan) as ContestPlan;
		plan.rounds[0].kind = 'buzz';
		db.$client.prepare('UPDATE contests SET plan = ? WHERE id = ?').run(JSON.stringify(plan), 'c1');
		forgetLiveContests(db);
		const secretary = await demoActor(db, '13800000001');
		const a = await demoActor(db, '13800000004');
		const joined = await joinByCode(db, a, '246810');
		await hostCommand(db, secretary, 'c1', (await contestMessage(db, 'c1'))!.snapshot.seq, { type: 'start' });
		await sleep(150);
		expect(await playerAction(db, a, 'c1', { type: 'buzz' })).toMatchObject({ ok: true });
		const snapshot = (await contestMessage(db, 'c1'))!.snapshot;
		expect(snapshot.buzzerTag).toBe((joined as { seat: string }).seat);
		expect(JSON.stringify(snapshot)).not.toContain(a.userId);
	});
});
