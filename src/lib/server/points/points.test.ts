import { beforeEach, describe, expect, it } from 'vitest';
import { branchMeeting, judgeExam, sitJudgeExam } from '../test-activity';
import { demoActor, pushOne, withDemoDatabase } from '../test-db';
import type { Db } from '../db/client';
import { checkInByCode } from '../attendance/checkin-service';
import { meetingRepo } from '../attendance/meeting-repo';
import { markAttendance } from '../attendance/meeting-roster-service';
import { practiceBanks, practiceSet } from '../quiz/practice-service';
import { library, moduleForMember } from '../study/module-service';
import { reviewReflection } from '../study/reflection-service';
import { pullChanges } from '../sync/service';
import { myPoints, rulesToEdit, setPointRules } from './points-service';
import { checkinCode, checkinToken, slotOf } from '$lib/shared/checkin/token';
import { uuidv7 } from '$lib/shared/id';
import { DEFAULT_POINT_RULES } from '$lib/shared/points/rules';
import type { PracticeQuestion } from '$lib/shared/quiz/practice-schemas';
import type { Actor } from '$lib/shared/roles';

const MIN = 60_000;
// 2026-11-02 10:00 in Beijing; Beijing midnight falls at 16:00 UTC.
const T0 = Date.parse('2026-11-02T02:00:00Z');
const MIDNIGHT = Date.parse('2026-11-02T16:00:00Z');
const ADMIN = '13800000000';
const SECRETARY = '13800000001';
const MEMBER = '13800000002';
const status = async (p: Promise<unknown> | unknown) => Promise.resolve().then(() => p).then(() => 200, (e: { status?: number }) => e.status ?? 500);

const demo = withDemoDatabase(T0 - 24 * 60 * MIN);
let db: Db;
beforeEach(() => {
	db = demo.db;
});

const push = (actor: Actor, kind: string, payload: unknown, at: number, id?: string) => pushOne(db, actor, kind, payload, at, id);

async function lessonsOf(member: Actor, title = '机关公文处理基础') {
	const moduleId = (await library(db, member)).find((x) => x.title === title)!.id;
	return { moduleId, lessons: (await moduleForMember(db, member, moduleId)).lessons };
}
const read = (actor: Actor, lessonId: string, fromAt: number, ms: number, id?: string) => push(actor, 'study.progress', { lessonId, fromAt, toAt: fromAt + ms, ms }, fromAt + ms, id);
const today = (actor: Actor, now: number) => Object.fromEntries(myPoints(db, actor, now).today.map((r) => [r.rule, `${r.earned}/${r.cap}`]));

describe('study points', () => {
	it('give 1 point per 5 effective minutes, never twice for a replayed op, up to the daily cap', async () => {
		const member = await demoActor(db, MEMBER, T0);
		const { lessons } = await lessonsOf(member);
		const op = uuidv7(T0);
		await read(member, lessons[0].id, T0, 12 * MIN, op);
		expect(today(member, T0 + 12 * MIN).study).toBe('2/6');
		// The phone resends the same op (its acknowledgement was lost): nothing more.
		expect(await read(member, lessons[0].id, T0, 12 * MIN, op)).toMatchObject({ status: 'duplicate' });
		expect(today(member, T0 + 12 * MIN).study).toBe('2/6');
		// Three more minutes make 15: the third point.
		await read(member, lessons[1].id, T0 + 12 * MIN, 3 * MIN);
		expect(today(member, T0 + 15 * MIN).study).toBe('3/6');
		// A long afternoon stops at the cap.
		await read(member, lessons[2].id, T0 + 60 * MIN, 50 * MIN);
		const p = myPoints(db, member, T0 + 120 * MIN);
		expect(p.today.find((r) => r.rule === 'study')).toEqual({ rule: 'study', earned: 6, cap: 6 });
		expect(p.total).toBe(6);
		// The history shows one line per running rule and day.
		expect(p.history.map((h) => [h.rule, h.points])).toEqual([['study', 6]]);
	});

	it('count towards the Beijing day the reading ended, so a new day starts a new cap', async () => {
		const member = await demoActor(db, MEMBER, T0);
		const { lessons } = await lessonsOf(member);
		await read(member, lessons[0].id, MIDNIGHT - 40 * MIN, 35 * MIN); // ends 23:55
		await read(member, lessons[1].id, MIDNIGHT + MIN, 10 * MIN); // 00:01–00:11 the next day
		expect(today(member, MIDNIGHT - MIN).study).toBe('6/6');
		expect(today(member, MIDNIGHT + 11 * MIN).study).toBe('2/6');
		const days = myPoints(db, member, MIDNIGHT + 11 * MIN).history.map((h) => h.day);
		expect(days).toEqual(['2026-11-03', '2026-11-02']);
	});
});

describe('practice points', () => {
	it('give a point per question answered right, each question once a day, none for wrong answers', async () => {
		const member = await demoActor(db, MEMBER, T0);
		const bank = (await practiceBanks(db, member))[0];
		const qs = (await practiceSet(db, member, bank.id, T0)).questions.filter((q) => q.type === 'judge');
		const right = (q: PracticeQuestion) => q.answer;
		const wrong = (q: PracticeQuestion) => [q.answer[0] === 'true' ? 'false' : 'true'];
		const answer = (q: PracticeQuestion, response: string[], at: number) => push(member, 'practice.answer', { questionId: q.id, version: q.version, mode: 'practice', response, ms: 20_000 }, at);
		await answer(qs[0], wrong(qs[0]), T0);
		expect(today(member, T0).practice).toBe('0/5');
		await answer(qs[0], right(qs[0]), T0 + MIN);
		await answer(qs[0], right(qs[0]), T0 + 2 * MIN);
		expect(today(member, T0 + 2 * MIN).practice).toBe('1/5');
		for (let i = 1; i < 8; i++) await answer(qs[i], right(qs[i]), T0 + (2 + i) * MIN);
		expect(today(member, T0 + 10 * MIN).practice).toBe('5/5');
	});
});

describe('reflection, exam and meeting points', () => {
	it('pay a reflection graded 优秀, not one graded 合格', async () => {
		const member = await demoActor(db, MEMBER, T0);
		const secretary = await demoActor(db, SECRETARY, T0);
		const { moduleId } = await lessonsOf(member);
		const body = '学习了常用公文文种以后，我认识到请示和报告不能混用：请示要一文一事，报告里不能夹带请示事项。以后起草公文前要先想清楚。';
		const ids = [uuidv7(T0), uuidv7(T0 + 1)];
		for (const reflectionId of ids) expect(await push(member, 'reflection.submit', { reflectionId, moduleId, body }, T0)).toEqual({ id: expect.any(String), status: 'applied' });
		expect((await reviewReflection(db, secretary, ids[0], { action: 'grade', grade: 'excellent', comment: '' }, T0 + MIN)).ok).toBe(true);
		expect((await reviewReflection(db, secretary, ids[1], { action: 'grade', grade: 'pass', comment: '' }, T0 + MIN)).ok).toBe(true);
		const p = myPoints(db, member, T0 + MIN);
		expect(p.history).toEqual([expect.objectContaining({ rule: 'reflection', points: 5, note: '机关公文处理基础' })]);
	});

	it('pay the first passing result of an exam by its band', async () => {
		const secretary = await demoActor(db, SECRETARY, T0);
		const member = await demoActor(db, MEMBER, T0);
		const examId = await judgeExam(db, secretary, T0);
		const sit = (right: number, at: number) => sitJudgeExam(db, member, examId, right, at);
		await sit(2, T0); // 40 %: failed, nothing
		expect(today(member, T0 + 3 * MIN).exam).toBe('0/20');
		await sit(4, T0 + 10 * MIN); // 80 %
		expect(myPoints(db, member, T0 + 13 * MIN).history).toEqual([expect.objectContaining({ rule: 'exam', points: DEFAULT_POINT_RULES.exam.high, note: '保密知识测试' })]);
	});

	it('pay a check-in and a hand mark of present once, never for an absence', async () => {
		const secretary = await demoActor(db, SECRETARY, T0);
		const member = await demoActor(db, MEMBER, T0);
		const meetingId = await branchMeeting(db, secretary, T0);
		const code = checkinCode(await checkinToken(meetingRepo(db).byId(meetingId)!.secret, meetingId, slotOf(T0 + MIN)));
		expect(checkInByCode(db, member, code, T0 + MIN)).toMatchObject({ ok: true });
		expect(checkInByCode(db, member, code, T0 + MIN)).toMatchObject({ ok: true });
		expect(await markAttendance(db, secretary, meetingId, { userId: member.userId, status: 'present', reason: undefined }, T0 + 2 * MIN)).toEqual({ ok: true });
		expect(today(member, T0 + 2 * MIN).meeting).toBe('3/6');
		// The secretary marks herself absent (she forgot to scan, then corrects it to present): paid once, at present.
		expect(await markAttendance(db, secretary, meetingId, { userId: secretary.userId, status: 'absent', reason: 'other' }, T0 + 3 * MIN)).toEqual({ ok: true });
		expect(today(secretary, T0 + 3 * MIN).meeting).toBe('0/6');
		expect(await markAttendance(db, secretary, meetingId, { userId: secretary.userId, status: 'present' }, T0 + 4 * MIN)).toEqual({ ok: true });
		expect(today(secretary, T0 + 4 * MIN).meeting).toBe('3/6');
	});
});

describe('points in the sync pull', () => {
	it('come with the pull when the ledger changed since the cursor, and not otherwise', async () => {
		const member = await demoActor(db, MEMBER, T0);
		expect((await pullChanges(db, member, null, T0)).points).toBeNull();
		const { lessons } = await lessonsOf(member);
		await read(member, lessons[0].id, T0, 12 * MIN);
		const first = await pullChanges(db, member, null, T0 + 13 * MIN);
		expect(first.points).toEqual({ total: 2, today: 2, day: '2026-11-02', at: T0 + 13 * MIN });
		expect((await pullChanges(db, member, first.cursor, T0 + 14 * MIN)).points).toBeNull();
	});
});

describe('point rules', () => {
	it('are set by the organisation admin only; a bad number is refused by name and changes nothing', async () => {
		const admin = await demoActor(db, ADMIN, T0);
		const secretary = await demoActor(db, SECRETARY, T0);
		expect(await status(Promise.resolve().then(() => rulesToEdit(db, secretary)))).toBe(403);
		const form = new Map<string, string>();
		for (const [rule, fields] of Object.entries(DEFAULT_POINT_RULES)) for (const [k, n] of Object.entries(fields)) form.set(`${rule}.${k}`, String(n));
		form.set('study.minutes', '0');
		expect(await setPointRules(db, admin, (k) => form.get(k) ?? null, T0)).toEqual({ ok: false, message: '「有效学习·每多少分钟得 1 分」应为 1 到 120 的整数' });
		expect(rulesToEdit(db, admin)).toEqual(DEFAULT_POINT_RULES);
		form.set('study.minutes', '10');
		expect(await setPointRules(db, admin, (k) => form.get(k) ?? null, T0)).toEqual({ ok: true });
		expect(rulesToEdit(db, admin).study).toEqual({ minutes: 10, cap: 6 });
		expect(await status(setPointRules(db, secretary, (k) => form.get(k) ?? null, T0))).toBe(403);

		const member = await demoActor(db, MEMBER, T0);
		const { lessons } = await lessonsOf(member);
		await read(member, lessons[0].id, T0, 12 * MIN);
		expect(today(member, T0 + 12 * MIN).study).toBe('1/6');
	});
});
