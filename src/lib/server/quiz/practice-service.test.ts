import { beforeEach, describe, expect, it } from 'vitest';
import { demoActor, withDemoDatabase } from '../test-db';
import { pushOps } from '../sync/service';
import { listBanks } from './bank-service';
import { dailySet, mistakeBook, practiceBanks, practiceSet } from './practice-service';
import { saveQuestion } from './question-service';
import type { Db } from '../db/client';
import type { Actor } from '$lib/shared/roles';
import { uuidv7 } from '$lib/shared/id';
import type { PracticeQuestion } from '$lib/shared/quiz/practice-schemas';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-11-02T02:00:00Z'); // 10:00 in Beijing
const MEMBER = '13800000002';
const status = async (p: Promise<unknown>) => p.then(() => 200, (e: { status?: number }) => e.status ?? 500);

const demo = withDemoDatabase(T0);
let db: Db;
beforeEach(() => {
	db = demo.db;
});

const rightAnswer = (q: PracticeQuestion) => (q.type === 'fill' ? q.blanks.map((alts) => alts[0]) : q.answer);
const wrongAnswer = (q: PracticeQuestion) => (q.type === 'judge' ? [q.answer[0] === 'true' ? 'false' : 'true'] : q.type === 'fill' ? q.blanks.map(() => '错') : ['Z']);

async function answer(actor: Actor, q: PracticeQuestion, response: string[], at: number, mode = 'practice', id = uuidv7(at)) {
	const r = await pushOps(db, actor, { ops: [{ id, kind: 'practice.answer', at, payload: { questionId: q.id, version: q.version, mode, response, ms: 20_000 } }] }, at);
	if (!r.ok) throw new Error(r.message);
	return r.results[0];
}

describe('practice sets', () => {
	it('offer members the organisation’s practice bank, never the exam bank', async () => {
		const member = await demoActor(db, MEMBER, T0);
		expect((await practiceBanks(db, member)).map((b) => b.name)).toEqual(['党章党规基础']);
		const exam = (await listBanks(db, await demoActor(db, '13800000000', T0))).find((b) => b.purpose === 'exam')!;
		expect(await status(practiceSet(db, member, exam.id, T0))).toBe(404);
	});

	it('hold keys and explanations, and leave out 简答 and expired questions', async () => {
		const member = await demoActor(db, MEMBER, T0);
		const bank = (await practiceBanks(db, member))[0];
		const now = (await practiceSet(db, member, bank.id, T0)).questions;
		expect(now).toHaveLength(89); // 90 less the one 简答
		expect(now.every((q) => q.explanation && (q.answer.length || q.blanks.length))).toBe(true);
		const later = await practiceSet(db, member, bank.id, Date.parse('2027-11-01T02:00:00Z'));
		expect(later.questions.map((q) => q.stem)).not.toContain(now.find((q) => q.stem.startsWith('现行党章'))!.stem);
	});
});

describe('practice answers through the outbox', () => {
	it('are graded on the server, fill the 错题本 on a wrong answer and empty it after right answers on two days', async () => {
		const member = await demoActor(db, MEMBER, T0);
		const q = (await practiceSet(db, member, (await practiceBanks(db, member))[0].id, T0)).questions[0];
		expect(await answer(member, q, wrongAnswer(q), T0)).toMatchObject({ status: 'applied' });
		expect((await mistakeBook(db, member)).questions.map((x) => [x.id, x.wrongCount])).toEqual([[q.id, 1]]);
		await answer(member, q, rightAnswer(q), T0 + 60_000, 'mistakes');
		expect((await mistakeBook(db, member)).questions[0].rightDays).toBe(1);
		await answer(member, q, rightAnswer(q), T0 + DAY, 'mistakes');
		expect((await mistakeBook(db, member)).questions).toEqual([]);
	});

	it('count a replayed op once', async () => {
		const member = await demoActor(db, MEMBER, T0);
		const q = (await practiceSet(db, member, (await practiceBanks(db, member))[0].id, T0)).questions[0];
		const id = uuidv7(T0);
		await answer(member, q, wrongAnswer(q), T0, 'practice', id);
		expect(await answer(member, q, wrongAnswer(q), T0, 'practice', id)).toMatchObject({ status: 'duplicate' });
		expect((await mistakeBook(db, member)).questions[0].wrongCount).toBe(1);
		expect(db.$client.prepare('select count(*) n from practice_answers').get()).toEqual({ n: 1 });
	});

	it('refuse a question from an exam bank, with a reason', async () => {
		const member = await demoActor(db, MEMBER, T0);
		const exam = (await listBanks(db, await demoActor(db, '13800000000', T0))).find((b) => b.purpose === 'exam')!;
		const examQuestion = db.$client.prepare('select id from questions where bank_id = ? limit 1').get(exam.id) as { id: string };
		const r = await answer(member, { id: examQuestion.id, version: 1 } as PracticeQuestion, ['A'], T0);
		expect(r).toEqual({ id: expect.any(String), status: 'rejected', error: '这道题不在你可以练习的题库里' });
	});

	it('keep the version answered: an edit after the answer changes nothing already recorded', async () => {
		const member = await demoActor(db, MEMBER, T0);
		const bank = (await practiceBanks(db, member))[0];
		const q = (await practiceSet(db, member, bank.id, T0)).questions.find((x) => x.type === 'judge')!;
		await answer(member, q, rightAnswer(q), T0);
		const admin = await demoActor(db, '13800000000', T0);
		await saveQuestion(db, admin, bank.id, q.id, `${q.stem}[${q.answer[0] === 'true' ? '错' : '对'}]`, false, T0 + 1);
		const row = db.$client.prepare('select version, correct from practice_answers').get();
		expect(row).toEqual({ version: 1, correct: 1 });
	});
});

describe('每日练习', () => {
	it('serves 10 a day, due cards first; what is answered today leaves the set; wrong ones return the next day', async () => {
		const member = await demoActor(db, MEMBER, T0);
		const first = await dailySet(db, member, T0);
		expect(first).toMatchObject({ day: '2026-11-02', cap: 10, answeredToday: 0 });
		expect(first.questions).toHaveLength(10);
		const [a, b, c] = first.questions;
		await answer(member, a, wrongAnswer(a), T0, 'daily');
		await answer(member, b, rightAnswer(b), T0, 'daily');
		await answer(member, c, rightAnswer(c), T0, 'daily');
		const later = await dailySet(db, member, T0 + 60_000);
		expect(later.answeredToday).toBe(3);
		expect(later.questions).toHaveLength(7);
		expect(later.questions.map((q) => q.id)).not.toContain(a.id);

		const tomorrow = await dailySet(db, member, T0 + DAY);
		expect(tomorrow.questions[0].id).toBe(a.id); // the wrong one is due again, first
		expect(tomorrow.questions.map((q) => q.id)).not.toContain(b.id);
	});

	it('gives different members different new questions', async () => {
		const one = await dailySet(db, await demoActor(db, MEMBER, T0), T0);
		const two = await dailySet(db, await demoActor(db, '13800000004', T0), T0);
		expect(one.questions.map((q) => q.id)).not.toEqual(two.questions.map((q) => q.id));
	});
});

describe('questions members keep failing', () => {
	it('are flagged on the bank page after 20 answers with fewer than one in five right', async () => {
		const admin = await demoActor(db, '13800000000', T0);
		const first = await demoActor(db, MEMBER, T0);
		const bank = (await practiceBanks(db, first))[0];
		const q = (await practiceSet(db, first, bank.id, T0)).questions.find((x) => x.type === 'single')!;
		const { bankQuestions } = await import('./bank-service');
		// Twenty different members answer once each (so no one card lapses): nineteen wrong, one right.
		for (let i = 0; i < 20; i++) {
			const member = await demoActor(db, `138000000${String(4 + i).padStart(2, '0')}`, T0);
			if (i === 19) expect((await bankQuestions(db, admin, bank.id, {}, 1, T0)).struggling).toEqual({});
			await answer(member, q, i === 19 ? rightAnswer(q) : wrongAnswer(q), T0 + i * 1000);
		}
		const page = await bankQuestions(db, admin, bank.id, { struggling: true }, 1, T0);
		expect(page.struggling[q.id]).toMatchObject({ lapses: 0, answers: 20, facility: 0.05 });
		expect(page.questions.map((x) => x.id)).toEqual([q.id]);
	});

	it('are flagged after 8 lapses in all, however few the answers', async () => {
		const admin = await demoActor(db, '13800000000', T0);
		const member = await demoActor(db, MEMBER, T0);
		const bank = (await practiceBanks(db, member))[0];
		const q = (await practiceSet(db, member, bank.id, T0)).questions.find((x) => x.type === 'judge')!;
		const { bankQuestions } = await import('./bank-service');
		let at = T0;
		// Learn it, forget it, again and again: each forgetting of a learned question is a lapse.
		while (!(await bankQuestions(db, admin, bank.id, {}, 1, at)).struggling[q.id] && at < T0 + 400 * DAY) {
			await answer(member, q, rightAnswer(q), (at += 2 * DAY));
			await answer(member, q, wrongAnswer(q), (at += 2 * DAY));
		}
		expect((await bankQuestions(db, admin, bank.id, {}, 1, at)).struggling[q.id]).toMatchObject({ lapses: 8 });
	});
});

describe('the daily cap', () => {
	it('is set by an admin of the whole organisation, checked, and applies to tomorrow’s sets', async () => {
		const { setDailyCap } = await import('./practice-service');
		const admin = await demoActor(db, '13800000000', T0);
		expect(await setDailyCap(db, admin, '0', T0)).toEqual({ ok: false, message: '每日练习题数应为 1 到 50 的整数' });
		expect(await status(setDailyCap(db, await demoActor(db, '13800000001', T0), 5, T0))).toBe(403);
		expect(await setDailyCap(db, admin, '5', T0)).toEqual({ ok: true });
		expect((await dailySet(db, await demoActor(db, MEMBER, T0), T0)).questions).toHaveLength(5);
	});
});
