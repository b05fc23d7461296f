import { beforeEach, describe, expect, it } from 'vitest';
import { demoActor, withDemoDatabase } from '../test-db';
import { pushOps } from '../sync/service';
import { listBanks } from './bank-service';
import { createExam, examResults, publishExam } from './exam-admin-service';
import { attemptResult, attemptView, memberExams, startAttempt, submitAttempt } from './exam-attempt-service';
import { markAnswer, markingQueue } from './exam-marking-service';
import { examItemStats } from './exam-stats';
import { questionRepo } from './question-repo';
import type { Db } from '../db/client';
import { formatBeijingLocal } from '$lib/shared/day';
import { uuidv7 } from '$lib/shared/id';
import type { Actor } from '$lib/shared/roles';

const MIN = 60_000;
const T0 = Date.parse('2026-11-02T02:00:00Z');
const SECRETARY = '13800000001';
const MEMBER = '13800000002';
const OTHER_BRANCH_MEMBER = '13800000025';
const status = async (p: Promise<unknown>) => p.then(() => 200, (e: { status?: number }) => e.status ?? 500);

const demo = withDemoDatabase(T0);
let db: Db;
beforeEach(() => {
	db = demo.db;
});

async function secrecyExam(over: Record<string, unknown> = {}, publish = true) {
	const secretary = await demoActor(db, SECRETARY, T0);
	const bank = (await listBanks(db, secretary)).find((b) => b.name === '保密与安全常识')!;
	const input = {
		title: '保密知识测试',
		ownerUnitId: secretary.secretaryOf!.id,
		opens: formatBeijingLocal(T0 - MIN),
		closes: formatBeijingLocal(T0 + 7 * 24 * 60 * MIN),
		timeLimitMin: '30',
		attemptsAllowed: '1',
		passPercent: '60',
		shuffleQuestions: true,
		shuffleOptions: true,
		showResults: 'on_submit',
		audienceUnits: [secretary.secretaryOf!.id],
		rules: [
			{ bankId: bank.id, type: 'single', count: '5' },
			{ bankId: bank.id, type: 'judge', count: '3' },
			{ bankId: bank.id, type: 'essay', count: '1' }
		],
		...over
	};
	const r = await createExam(db, secretary, input, T0);
	if (!r.ok) throw new Error(r.message);
	if (publish) await publishExam(db, secretary, r.id, T0);
	return { secretary, bank, examId: r.id };
}

async function answerOp(actor: Actor, attemptId: string, questionId: string, response: string[], at: number) {
	const r = await pushOps(db, actor, { ops: [{ id: uuidv7(at), kind: 'exam.answer', at, payload: { attemptId, questionId, response, ms: 30_000 } }] }, at);
	return r.ok ? r.results[0] : null;
}

describe('setting an exam', () => {
	it('refuses rules the bank cannot satisfy, saying which and how many fit', async () => {
		const secretary = await demoActor(db, SECRETARY, T0);
		const bank = (await listBanks(db, secretary)).find((b) => b.name === '保密与安全常识')!;
		const r = await createExam(
			db,
			secretary,
			{
				title: '太多题',
				ownerUnitId: secretary.secretaryOf!.id,
				opens: formatBeijingLocal(T0),
				closes: formatBeijingLocal(T0 + 60 * MIN),
				timeLimitMin: 30,
				attemptsAllowed: 1,
				passPercent: 60,
				showResults: 'on_submit',
				audienceUnits: [secretary.secretaryOf!.id],
				rules: [
					{ bankId: bank.id, type: 'judge', count: 3 },
					{ bankId: bank.id, type: 'single', count: 100, tags: '保密法' }
				]
			},
			T0
		);
		expect(r).toEqual({ ok: false, message: expect.stringMatching(/^第 2 条规则需要 100 题，题库里只有 \d+ 道符合条件$/) });
	});

	it('keeps a draft from members and shows a published exam only to those on its list', async () => {
		const { examId, secretary } = await secrecyExam({}, false);
		const member = await demoActor(db, MEMBER, T0);
		const listed = async () => (await memberExams(db, member, T0)).map((e) => e.id);
		expect(await listed()).not.toContain(examId);
		expect(await status(startAttempt(db, member, examId, T0))).toBe(404);
		await publishExam(db, secretary, examId, T0);
		expect(await listed()).toContain(examId);
		expect(await memberExams(db, await demoActor(db, OTHER_BRANCH_MEMBER, T0), T0)).toEqual([]);
		expect(await status(startAttempt(db, await demoActor(db, OTHER_BRANCH_MEMBER, T0), examId, T0))).toBe(404);
	});
});

describe('sitting an exam', () => {
	it('draws a paper per member, never sends keys, and resumes the same attempt with a server deadline', async () => {
		const { examId } = await secrecyExam();
		const member = await demoActor(db, MEMBER, T0);
		const started = await startAttempt(db, member, examId, T0);
		expect(started.ok).toBe(true);
		const attemptId = started.ok ? started.attemptId : '';
		const view = await attemptView(db, member, attemptId, T0);
		expect(view.questions).toHaveLength(9);
		expect(view.deadline).toBe(T0 + 30 * MIN);
		expect(JSON.stringify(view)).not.toMatch(/"(answer|blanks|explanation|reference)"/);
		expect(await startAttempt(db, member, examId, T0 + 5 * MIN)).toEqual({ ok: true, attemptId });
		const other = await startAttempt(db, await demoActor(db, '13800000004', T0), examId, T0);
		const otherView = await attemptView(db, await demoActor(db, '13800000004', T0), other.ok ? other.attemptId : '', T0);
		expect(otherView.questions.map((q) => q.questionId)).not.toEqual(view.questions.map((q) => q.questionId));
		expect(await status(attemptView(db, await demoActor(db, '13800000004', T0), attemptId, T0))).toBe(404);
	});

	it('takes answers through the outbox until the deadline, the newest save winning, then grades on submit', async () => {
		const { examId } = await secrecyExam();
		const member = await demoActor(db, MEMBER, T0);
		const started = await startAttempt(db, member, examId, T0);
		const attemptId = started.ok ? started.attemptId : '';
		const view = await attemptView(db, member, attemptId, T0);
		const judge = view.questions.find((q) => q.type === 'judge')!;
		const key = (await questionRepo(db).byId(judge.questionId))!.answer[0];
		expect(await answerOp(member, attemptId, judge.questionId, [key], T0 + 2 * MIN)).toMatchObject({ status: 'applied' });
		expect(await answerOp(member, attemptId, judge.questionId, [key === 'true' ? 'false' : 'true'], T0 + MIN)).toMatchObject({ status: 'applied' });
		expect((await attemptView(db, member, attemptId, T0 + 3 * MIN)).saved[judge.questionId]).toEqual([key]);
		expect(await answerOp(member, attemptId, uuidv7(T0), ['A'], T0 + 3 * MIN)).toMatchObject({ status: 'rejected', error: '这道题不在你的试卷上' });

		const essay = view.questions.find((q) => q.type === 'essay')!;
		const submitted = await submitAttempt(db, member, attemptId, { answers: [{ questionId: essay.questionId, response: ['涉密不上网，上网不涉密。'], savedAt: T0 + 4 * MIN }] }, T0 + 5 * MIN);
		expect(submitted.ok && submitted.result).toMatchObject({ status: 'marking', score: 1 });
		const review = submitted.ok ? submitted.result.review! : [];
		expect(review.find((q) => q.questionId === judge.questionId)).toMatchObject({ correct: true, answer: [key] });
		expect(await answerOp(member, attemptId, judge.questionId, ['false'], T0 + 6 * MIN)).toMatchObject({ status: 'rejected', error: '已经交卷，不能再修改答案' });
		expect(await submitAttempt(db, member, attemptId, { answers: [] }, T0 + 7 * MIN)).toMatchObject({ ok: true, result: { score: 1 } });
		expect(await startAttempt(db, member, examId, T0 + 8 * MIN)).toEqual({ ok: false, message: '考试次数已用完' });
	});

	it('closes an attempt at the deadline with what was saved, and refuses answers after it', async () => {
		const { examId } = await secrecyExam();
		const member = await demoActor(db, MEMBER, T0);
		const started = await startAttempt(db, member, examId, T0);
		const attemptId = started.ok ? started.attemptId : '';
		const q = (await attemptView(db, member, attemptId, T0)).questions.find((x) => x.type === 'single')!;
		await answerOp(member, attemptId, q.questionId, ['A'], T0 + MIN);
		const late = T0 + 32 * MIN;
		expect(await answerOp(member, attemptId, q.questionId, ['B'], late)).toMatchObject({ status: 'rejected', error: '考试时间已到，答案没有保存' });
		const list = await memberExams(db, member, late);
		expect(list.find((e) => e.id === examId)).toMatchObject({ openAttemptId: null, lastAttemptId: attemptId, attemptsLeft: 0 });
		const result = await attemptResult(db, member, attemptId, late);
		expect(result.review!.find((x) => x.questionId === q.questionId)!.response).toEqual(['A']);
	});

	it('holds results back when the exam says never', async () => {
		const { examId } = await secrecyExam({ showResults: 'never' });
		const member = await demoActor(db, MEMBER, T0);
		const started = await startAttempt(db, member, examId, T0);
		const r = await submitAttempt(db, member, started.ok ? started.attemptId : '', { answers: [] }, T0 + MIN);
		expect(r.ok && r.result).toMatchObject({ score: null, review: null, heldUntil: null });
	});
});

describe('marking and results', () => {
	it('queues 简答 for the secretary, refuses a mark out of range, and makes the score final once marked', async () => {
		const { examId, secretary } = await secrecyExam();
		const member = await demoActor(db, MEMBER, T0);
		const started = await startAttempt(db, member, examId, T0);
		const attemptId = started.ok ? started.attemptId : '';
		const essay = (await attemptView(db, member, attemptId, T0)).questions.find((q) => q.type === 'essay')!;
		await submitAttempt(db, member, attemptId, { answers: [{ questionId: essay.questionId, response: ['不用手机传涉密文件'], savedAt: T0 }] }, T0 + MIN);

		const queue = await markingQueue(db, secretary, T0 + 2 * MIN);
		expect(queue).toEqual([expect.objectContaining({ attemptId, name: '张伟', response: '不用手机传涉密文件', points: essay.points })]);
		expect(await status(markingQueue(db, member, T0))).toBe(403);
		expect(await markAnswer(db, secretary, attemptId, essay.questionId, essay.points + 1, '', T0)).toEqual({ ok: false, message: `得分应在 0 到 ${essay.points} 之间` });
		const half = essay.points / 2;
		expect(await markAnswer(db, secretary, attemptId, essay.questionId, half, '要点不全', T0)).toEqual({ ok: true });

		const result = await attemptResult(db, member, attemptId, T0 + 3 * MIN);
		expect(result).toMatchObject({ status: 'graded', score: half, passed: false });
		expect(result.review!.find((q) => q.questionId === essay.questionId)).toMatchObject({ score: half, comment: '要点不全' });

		const results = await examResults(db, secretary, examId, T0 + 3 * MIN);
		expect(await markingQueue(db, secretary, T0)).toEqual([]);
		expect(results).toMatchObject({ sat: 1, passRate: 0 });
		expect(results.expected).toBe(20);
		expect(results.rows[0]).toMatchObject({ name: '张伟', state: 'graded', score: half, passed: false });
		expect(results.rows.filter((r) => r.state === 'absent')).toHaveLength(19);
	});
});

describe('item analysis', () => {
	it('gives facility and option counts per question over graded attempts', async () => {
		const { examId, secretary } = await secrecyExam();
		const member = await demoActor(db, MEMBER, T0);
		const started = await startAttempt(db, member, examId, T0);
		const attemptId = started.ok ? started.attemptId : '';
		const view = await attemptView(db, member, attemptId, T0);
		const judge = view.questions.find((q) => q.type === 'judge')!;
		expect(await examItemStats(db, secretary, examId)).toEqual([]);
		// The 简答 is left blank, so nothing waits for marking and the attempt is graded at once.
		await submitAttempt(db, member, attemptId, { answers: [{ questionId: judge.questionId, response: ['true'], savedAt: T0 }] }, T0 + MIN);
		const stats = await examItemStats(db, secretary, examId);
		const row = stats.find((s) => s.questionId === judge.questionId)!;
		expect(row).toMatchObject({ type: 'judge', attempts: 1, options: [{ key: 'true', count: 1 }, { key: 'false', count: 0 }] });
		expect([0, 1]).toContain(row.facility);
		expect(stats).toHaveLength(9);
	});
});

describe('fixed papers', () => {
	it('give every member exactly the chosen questions, and report chosen questions that are gone', async () => {
		const secretary = await demoActor(db, SECRETARY, T0);
		const bank = (await listBanks(db, secretary)).find((b) => b.name === '保密与安全常识')!;
		const chosen = (await questionRepo(db).list(bank.id, { type: 'judge' }, 3)).questions.map((q) => q.id);
		const base = {
			title: '固定卷',
			ownerUnitId: secretary.secretaryOf!.id,
			opens: formatBeijingLocal(T0 - MIN),
			closes: formatBeijingLocal(T0 + 60 * MIN),
			timeLimitMin: 10,
			attemptsAllowed: 1,
			passPercent: 60,
			showResults: 'on_submit',
			audienceUnits: [secretary.secretaryOf!.id],
			rules: []
		};
		expect(await createExam(db, secretary, base, T0)).toEqual({ ok: false, message: '请至少设置一条抽题规则' });
		const r = await createExam(db, secretary, { ...base, fixedQuestionIds: chosen }, T0);
		const examId = r.ok ? r.id : '';
		expect((await publishExam(db, secretary, examId, T0)).ok).toBe(true);
		const member = await demoActor(db, MEMBER, T0);
		const started = await startAttempt(db, member, examId, T0);
		const view = await attemptView(db, member, started.ok ? started.attemptId : '', T0);
		expect(view.questions.map((q) => q.questionId).sort()).toEqual([...chosen].sort());

		const { deleteQuestion } = await import('./question-service');
		await deleteQuestion(db, await demoActor(db, '13800000000', T0), bank.id, chosen[0], T0);
		const again = await createExam(db, secretary, { ...base, fixedQuestionIds: chosen }, T0);
		expect(again).toEqual({ ok: false, message: '固定题目中有 1 道已删除或过期' });
		expect(await createExam(db, secretary, { ...base, fixedQuestionIds: ['nope'] }, T0)).toEqual({ ok: false, message: '固定题目中有 1 道已删除或过期' });
	});
});

describe('people named one by one', () => {
	it('sit the exam besides the units; a number outside the actor’s scope is refused by name', async () => {
		const retiredMember = '13800000025';
		await expect(secrecyExam({ audiencePhones: [retiredMember] })).rejects.toThrow('找不到手机号为 13800000025 的人员，或不在你管理的范围内');
		const admin = await demoActor(db, '13800000000', T0);
		const bank = (await listBanks(db, admin)).find((b) => b.name === '保密与安全常识')!;
		const r = await createExam(
			db,
			admin,
			{
				title: '个别补考',
				ownerUnitId: admin.adminOf!.id,
				opens: formatBeijingLocal(T0 - MIN),
				closes: formatBeijingLocal(T0 + 60 * MIN),
				timeLimitMin: 10,
				attemptsAllowed: 1,
				passPercent: 60,
				showResults: 'on_submit',
				audiencePhones: [retiredMember, '138-0000-0002'],
				rules: [{ bankId: bank.id, type: 'judge', count: 2 }]
			},
			T0
		);
		const examId = r.ok ? r.id : '';
		await publishExam(db, admin, examId, T0);
		expect((await memberExams(db, await demoActor(db, retiredMember, T0), T0)).map((e) => e.title)).toContain('个别补考');
		expect((await memberExams(db, await demoActor(db, OTHER_BRANCH_MEMBER.replace('25', '26'), T0), T0)).map((e) => e.title)).not.toContain('个别补考');
		expect((await examResults(db, admin, examId, T0)).expected).toBe(2);
	});
});
