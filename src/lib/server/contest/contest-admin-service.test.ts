import { beforeEach, describe, expect, it } from 'vitest';
import { demoActor, withDemoDatabase } from '../test-db';
import { createContest, managedContests } from './contest-admin-service';
import { contestRepo } from './contest-repo';
import { contestResults, contestWorkbook } from './contest-results';
import { contestMessage, hostCommand, joinByCode, playerAction } from './contest-service';
import type { ContestPlan } from './contest-engine';
import type { Db } from '../db/client';
import ExcelJS from 'exceljs';

const T0 = Date.UTC(2026, 10, 1);
const demo = withDemoDatabase(T0);
let db: Db;
beforeEach(() => {
	db = demo.db;
});
const status = async (p: Promise<unknown>) => p.then(() => 200, (e: { status?: number }) => e.status ?? 500);
const one = <T>(sql: string, ...args: unknown[]) => db.$client.prepare(sql).get(...args) as T;

const round = (over: Record<string, unknown> = {}) => ({ kind: 'all', bankId: bankId(), type: 'single', count: '3', tags: '', maxDifficulty: '', seconds: '20', readSeconds: '3', scoring: 'accuracy', points: '10', fullSeconds: '5', streak: false, penalty: '0', ...over });
const bankId = () => one<{ id: string }>("SELECT id FROM question_banks WHERE name = '党章党规基础'").id;
const office = () => one<{ id: string }>("SELECT id FROM org_units WHERE name = '机关第一党支部'").id;
const planOf = (id: string) => JSON.parse(contestRepo(db).byId(id)!.plan) as ContestPlan;

describe('setting up a contest', () => {
	it('draws each round from its bank, distinct across rounds, with versions frozen and a fresh six-digit code', async () => {
		const secretary = await demoActor(db, '13800000001');
		const r = await createContest(db, secretary, { title: '十一月竞赛', ownerUnitId: office(), teams: 'groups', teamScore: 'average', rounds: [round(), round({ kind: 'buzz', count: '2', penalty: '5' }), round({ kind: 'stake', type: 'judge', count: '2' })] }, T0);
		expect(r.ok).toBe(true);
		const id = (r as { id: string }).id;
		const plan = planOf(id);
		expect(plan.rounds.map((x) => [x.kind, x.questionIds.length])).toEqual([['all', 3], ['buzz', 2], ['stake', 2]]);
		const ids = plan.rounds.flatMap((x) => x.questionIds);
		expect(new Set(ids).size).toBe(7);
		expect(Object.keys(plan.versions).sort()).toEqual([...ids].sort());
		expect(plan.rounds[1].buzzPenalty).toBe(5);
		expect(plan.rounds[0].buzzPenalty).toBe(0);
		expect(plan.teams).toEqual({ combine: 'average' });
		const types = ids.map((q) => one<{ type: string }>('SELECT type FROM questions WHERE id = ?', q).type);
		expect(types.slice(5)).toEqual(['judge', 'judge']);
		const row = contestRepo(db).byId(id)!;
		expect(row.code).toMatch(/^\d{6}$/);
		expect(row.code).not.toBe('135790');
		expect(managedContests(db, secretary).map((c) => [c.title, c.state])).toContainEqual(['十一月竞赛', 'lobby']);
	});

	it('refuses a round the bank cannot fill, saying which and how many fit, and writes nothing', async () => {
		const secretary = await demoActor(db, '13800000001');
		const before = one<{ n: number }>('SELECT count(*) AS n FROM contests').n;
		const r = await createContest(db, secretary, { title: '太多了', ownerUnitId: office(), teams: 'none', teamScore: 'sum', rounds: [round({ count: '2' }), round({ type: 'multiple', count: '30' })] }, T0);
		expect(r).toMatchObject({ ok: false });
		expect((r as { message: string }).message).toMatch(/第 2 轮需要 30 道题/);
		expect(one<{ n: number }>('SELECT count(*) AS n FROM contests').n).toBe(before);
	});

	it('refuses bad input with a Chinese message: no rounds, a fill-in type, a silly time', async () => {
		const secretary = await demoActor(db, '13800000001');
		const base = { title: '竞赛', ownerUnitId: office(), teams: 'none', teamScore: 'sum' };
		expect(await createContest(db, secretary, { ...base, rounds: [] }, T0)).toEqual({ ok: false, message: '请至少设置一轮' });
		expect(await createContest(db, secretary, { ...base, rounds: [round({ type: 'fill' })] }, T0)).toEqual({ ok: false, message: '竞赛只能用单选、多选或判断题' });
		expect(await createContest(db, secretary, { ...base, rounds: [round({ seconds: '2' })] }, T0)).toEqual({ ok: false, message: '答题时间应为 5 到 120 秒' });
		expect(await createContest(db, secretary, { ...base, title: ' ', rounds: [round()] }, T0)).toEqual({ ok: false, message: '请输入竞赛名称' });
	});

	it('takes hand-picked questions as the first round, and refuses a picked question a contest cannot ask', async () => {
		const secretary = await demoActor(db, '13800000001');
		const picked = (db.$client.prepare("SELECT id FROM questions WHERE bank_id = ? AND type = 'single' ORDER BY sort LIMIT 2").all(bankId()) as { id: string }[]).map((q) => q.id);
		const r = await createContest(db, secretary, { title: '手选', ownerUnitId: office(), teams: 'none', teamScore: 'sum', fixedQuestionIds: picked, rounds: [round({ bankId: '', count: '' }), round({ kind: 'buzz', count: '1' })] }, T0);
		expect(r.ok).toBe(true);
		const plan = planOf((r as { id: string }).id);
		expect(plan.rounds[0].questionIds).toEqual(picked);
		expect(plan.rounds[1].questionIds).toHaveLength(1);
		expect(picked).not.toContain(plan.rounds[1].questionIds[0]);
		const fill = one<{ id: string } | undefined>("SELECT id FROM questions WHERE type IN ('fill', 'essay') LIMIT 1");
		if (!fill) throw new Error('the demo banks should hold a fill-in or essay question');
		expect(await createContest(db, secretary, { title: '手选', ownerUnitId: office(), teams: 'none', teamScore: 'sum', fixedQuestionIds: [fill.id], rounds: [round({ bankId: '', count: '' })] }, T0)).toMatchObject({ ok: false });
	});

	it('takes teams set by hand by their names (repeats dropped), and refuses fewer than two', async () => {
		const secretary = await demoActor(db, '13800000001');
		const base = { title: '分队赛', ownerUnitId: office(), teams: 'manual', teamScore: 'average', rounds: [round({ count: '1' })] };
		const r = await createContest(db, secretary, { ...base, teamNames: ' 红队\n蓝队\n\n红队 ' }, T0);
		const id = (r as { id: string }).id;
		expect(planOf(id).teams).toEqual({ combine: 'average', names: { t1: '红队', t2: '蓝队' } });
		expect(await createContest(db, secretary, { ...base, teamNames: '红队' }, T0)).toEqual({ ok: false, message: '手动分队至少要写两个队名，每行一个' });

		// A member joins unplaced; the host places them; a team not of this contest is refused.
		const member = await demoActor(db, '13800000002');
		await joinByCode(db, member, contestRepo(db).byId(id)!.code);
		const seq = (await contestMessage(db, id))!.snapshot.seq;
		expect(await hostCommand(db, secretary, id, seq, { type: 'setTeam', playerId: member.userId, teamId: 't9' })).toMatchObject({ ok: false });
		expect(await hostCommand(db, secretary, id, seq, { type: 'setTeam', playerId: member.userId, teamId: 't2' })).toMatchObject({ ok: true });
		expect((await contestMessage(db, id))!.snapshot.teams).toEqual([{ name: '蓝队', members: 1, score: 0, correct: 0, rank: 1 }]);
	});

	it('refuses an exam bank: a contest shows every answer on the big screen', async () => {
		const admin = await demoActor(db, '13800000000');
		const exam = one<{ id: string }>("SELECT id FROM question_banks WHERE name = '保密与安全常识'").id;
		expect(await createContest(db, admin, { title: '竞赛', ownerUnitId: office(), teams: 'none', teamScore: 'sum', rounds: [round({ bankId: exam })] }, T0)).toEqual({
			ok: false,
			message: '“保密与安全常识”是考试题库：竞赛会在大屏幕上公布答案，只能用练习题库'
		});
	});

	it('is for those who manage the unit: a member is refused, another branch secretary too', async () => {
		const member = await demoActor(db, '13800000002');
		const other = await demoActor(db, '13800000003');
		const input = { title: '竞赛', ownerUnitId: office(), teams: 'none', teamScore: 'sum', rounds: [round()] };
		expect(await status(createContest(db, member, input, T0))).toBe(403);
		expect(await status(createContest(db, other, input, T0))).toBe(403);
	});
});

describe('results', () => {
	it('rank players and teams, and the workbook lists every answer with its right/wrong and seconds', async () => {
		const secretary = await demoActor(db, '13800000001');
		const r = await createContest(db, secretary, { title: '成绩', ownerUnitId: office(), teams: 'groups', teamScore: 'sum', rounds: [round({ count: '1', readSeconds: '15' })] }, T0);
		const id = (r as { id: string }).id;
		const code = contestRepo(db).byId(id)!.code;
		const qid = planOf(id).rounds[0].questionIds[0];
		const key = JSON.parse(one<{ content: string }>('SELECT v.content FROM question_versions v JOIN questions q ON q.id = v.question_id AND q.version = v.version WHERE q.id = ?', qid).content).answer as string[];
		const a = await demoActor(db, '13800000002');
		const b = await demoActor(db, '13800000004');
		// Times near the real clock, so the server's own read-time timer (15 s) stays out of the way.
		const t = Date.now();
		await joinByCode(db, a, code, t);
		await joinByCode(db, b, code, t);
		expect(await hostCommand(db, secretary, id, 2, { type: 'start' }, t)).toMatchObject({ ok: true });
		expect(await hostCommand(db, secretary, id, 3, { type: 'next' }, t + 1000)).toMatchObject({ ok: true });
		expect(await playerAction(db, a, id, { type: 'answer', response: key }, t + 3500)).toMatchObject({ ok: true });
		expect(await playerAction(db, b, id, { type: 'answer', response: key[0] === 'A' ? ['B'] : ['A'] }, t + 5000)).toMatchObject({ ok: true });
		const results = await contestResults(db, secretary, id);
		expect(results.players.map((p) => [p.rank, p.correct, p.answered, p.score])).toEqual([
			[1, 1, 1, 10],
			[2, 0, 1, 0]
		]);
		expect(results.teams.reduce((n, t) => n + t.score, 0)).toBe(10);

		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await contestWorkbook(db, secretary, id)).bytes.buffer as ArrayBuffer);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['成绩', '团队成绩', '每题作答']);
		const answers = wb.getWorksheet('每题作答')!;
		expect(answers.rowCount).toBe(3);
		const rows = [2, 3].map((n) => answers.getRow(n).values as unknown[]);
		expect(rows.map((v) => [v[6], v[8]])).toEqual([
			['答对了', 2.5],
			['答错了', 4]
		]);
	});

	it('are for the host only', async () => {
		const member = await demoActor(db, '13800000002');
		const id = one<{ id: string }>("SELECT id FROM contests WHERE code = '135790'").id;
		expect(await status(contestResults(db, member, id))).toBe(404);
	});
});
