import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { branchMeeting, judgeExam, sitJudgeExam } from '../test-activity';
import { demoActor, pushOne, withDemoDatabase } from '../test-db';
import type { Db } from '../db/client';
import { closeMeeting, markAttendance } from '../attendance/meeting-roster-service';
import { practiceBanks, practiceSet } from '../quiz/practice-service';
import { library, moduleForMember } from '../study/module-service';
import { reviewReflection } from '../study/reflection-service';
import { recordWorkbook } from './record-export';
import { learningRecord } from './record-service';
import { uuidv7 } from '$lib/shared/id';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = Date.parse('2026-11-02T02:00:00Z'); // Monday 10:00 in Beijing
const SECRETARY = '13800000001';
const MEMBER = '13800000002';
const status = async (p: Promise<unknown>) => p.then(() => 200, (e: { status?: number }) => e.status ?? 500);

const demo = withDemoDatabase(T0 - DAY);
let db: Db;
beforeEach(() => {
	db = demo.db;
});

/** 张伟's week: he reads, practises, writes a reflection graded 良好, passes an exam, comes to one meeting and misses another. */
async function aWeekOfLearning() {
	const secretary = await demoActor(db, SECRETARY, T0);
	const member = await demoActor(db, MEMBER, T0);
	const moduleId = (await library(db, member)).find((x) => x.title === '机关公文处理基础')!.id;
	const lessons = (await moduleForMember(db, member, moduleId)).lessons;
	await pushOne(db, member, 'study.progress', { lessonId: lessons[0].id, fromAt: T0, toAt: T0 + 12 * MIN, ms: 12 * MIN }, T0 + 12 * MIN);

	const bank = (await practiceBanks(db, member))[0];
	const judges = (await practiceSet(db, member, bank.id, T0)).questions.filter((q) => q.type === 'judge').slice(0, 3);
	for (const [i, q] of judges.entries()) {
		const response = i < 2 ? q.answer : [q.answer[0] === 'true' ? 'false' : 'true'];
		await pushOne(db, member, 'practice.answer', { questionId: q.id, version: q.version, mode: 'practice', response, ms: 20_000 }, T0 + DAY + i * MIN);
	}

	const reflectionId = uuidv7(T0);
	const body = '学习了常用公文文种以后，我认识到请示和报告不能混用：请示要一文一事，报告里不能夹带请示事项。以后起草公文前要先想清楚。';
	await pushOne(db, member, 'reflection.submit', { reflectionId, moduleId, body }, T0 + 2 * DAY);
	await reviewReflection(db, secretary, reflectionId, { action: 'grade', grade: 'good', comment: '' }, T0 + 2 * DAY + MIN);

	const examId = await judgeExam(db, secretary, T0 + 3 * DAY);
	await sitJudgeExam(db, member, examId, 5, T0 + 3 * DAY);

	const came = await branchMeeting(db, secretary, T0 + 4 * DAY, '十一月支部党员大会');
	await markAttendance(db, secretary, came, { userId: member.userId, status: 'present' }, T0 + 4 * DAY + MIN);
	await closeMeeting(db, secretary, came, T0 + 4 * DAY + 2 * 60 * MIN);
	const missed = await branchMeeting(db, secretary, T0 + 5 * DAY, '主题党日');
	await closeMeeting(db, secretary, missed, T0 + 5 * DAY + 2 * 60 * MIN);
	return { secretary, member };
}

describe('the learning record', () => {
	it('lists everything in the period newest first, with the points each earned, and sums it up', async () => {
		const { member } = await aWeekOfLearning();
		const r = await learningRecord(db, member, member.userId, '2026-H2', T0 + 7 * DAY);
		expect(r.events.map((e) => [e.kind, e.title, e.detail, e.points])).toEqual([
			['meeting', '主题党日', '缺席', 0],
			['meeting', '十一月支部党员大会', '出席', 3],
			['exam', '保密知识测试', '5 / 5 分，合格', 10],
			['reflection', '机关公文处理基础', '良好', 3],
			['practice', '练习', '作答 3 题，答对 2 题', 2],
			['study', '机关公文处理基础', '有效学习 12 分钟', 2],
			// A demo meeting from before the week (seeded, so no points).
			['meeting', '支部党员大会：学习《纪律处分条例》', '出席', 0]
		]);
		expect(r.summary).toEqual({
			studyMinutes: 12,
			studyDays: 1,
			practiceAnswered: 3,
			practiceCorrect: 2,
			reflections: 1,
			reflectionsExcellent: 0,
			reflectionsGood: 1,
			examsTaken: 1,
			examsPassed: 1,
			contests: 0,
			meetingsExpected: 3,
			meetingsAttended: 2,
			makeups: 0,
			points: 20
		});
		// The first half of the year holds none of it.
		const h1 = await learningRecord(db, member, member.userId, '2026-H1', T0 + 7 * DAY);
		expect([h1.events.length, h1.summary.points]).toEqual([0, 0]);
	});

	it('is read by the member and whoever manages their branch, nobody else', async () => {
		const { member } = await aWeekOfLearning();
		const at = T0 + 7 * DAY;
		expect(await status(learningRecord(db, await demoActor(db, SECRETARY, at), member.userId, null, at))).toBe(200);
		expect(await status(learningRecord(db, await demoActor(db, '13800000000', at), member.userId, null, at))).toBe(200);
		expect(await status(learningRecord(db, await demoActor(db, '13800000004', at), member.userId, null, at))).toBe(403);
		expect(await status(learningRecord(db, await demoActor(db, '13800000003', at), member.userId, null, at))).toBe(403);
		expect(await status(learningRecord(db, member, member.userId, '2026-H3', at))).toBe(400);
	});

	it('exports the summary and every line of the timeline to Excel', async () => {
		const { member } = await aWeekOfLearning();
		const r = await learningRecord(db, member, member.userId, '2026', T0 + 7 * DAY);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await recordWorkbook(r)).buffer as ArrayBuffer);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '明细']);
		const summary = wb.getWorksheet('汇总')!;
		expect(summary.getRow(2).values).toEqual([undefined, '姓名', '张伟']);
		expect(summary.getRow(4).values).toEqual([undefined, '时间段', '2026 年全年']);
		const timeline = wb.getWorksheet('明细')!;
		expect(timeline.rowCount).toBe(1 + r.events.length);
		expect(timeline.getRow(2).getCell(3).value).toBe('主题党日');
		expect(timeline.getRow(4).getCell(5).value).toBe(10);
	});
});
