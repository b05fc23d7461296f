import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { aWeekOfLearning } from '../test-activity';
import { demoActor, withDemoDatabase, statusOf } from '../test-db';
import type { Db } from '../db/client';
import { recordWorkbook } from './record-export';
import { learningRecord } from './record-service';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = Date.parse('2026-11-02T02:00:00Z'); // Monday 10:00 in Beijing
const SECRETARY = '13800000001';
const status = statusOf;

const demo = withDemoDatabase(T0 - DAY);
let db: Db;
beforeEach(() => {
	db = demo.db;
});

describe('the learning record', () => {
	it('lists everything in the period newest first, with the points each earned, and sums it up', async () => {
		const { member } = await aWeekOfLearning(db, T0);
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
		const { member } = await aWeekOfLearning(db, T0);
		const at = T0 + 7 * DAY;
		expect(await status(learningRecord(db, await demoActor(db, SECRETARY, at), member.userId, null, at))).toBe(200);
		expect(await status(learningRecord(db, await demoActor(db, '13800000000', at), member.userId, null, at))).toBe(200);
		expect(await status(learningRecord(db, await demoActor(db, '13800000004', at), member.userId, null, at))).toBe(403);
		expect(await status(learningRecord(db, await demoActor(db, '13800000003', at), member.userId, null, at))).toBe(403);
		expect(await status(learningRecord(db, member, member.userId, '2026-H3', at))).toBe(400);
	});

	it('exports the summary and every line of the timeline to Excel', async () => {
		const { member } = await aWeekOfLearning(db, T0);
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
