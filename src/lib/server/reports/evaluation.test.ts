import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { aWeekOfLearning } from '../test-activity';
import { demoActor, withDemoDatabase, statusOf } from '../test-db';
import type { Db } from '../db/client';
import { evaluationWorkbook } from './evaluation-export';
import { evaluateMember, evaluationReport } from './evaluation-service';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = Date.parse('2026-11-02T02:00:00Z'); // Monday 10:00 in Beijing
const NOW = T0 + 7 * DAY;
const status = statusOf;

const demo = withDemoDatabase(T0 - DAY);
let db: Db;
beforeEach(() => {
	db = demo.db;
});

describe('half-year and annual evaluations', () => {
	it('give each member of the branch their figures for the period, and the branch its totals', async () => {
		const { secretary, member } = await aWeekOfLearning(db, T0);
		const r = await evaluationReport(db, secretary, { unitId: null, period: '2026-H2' }, NOW);
		expect(r.unit.name).toBe('机关第一党支部');
		expect(r.members).toHaveLength(20);
		expect(r.members.find((x) => x.id === member.userId)).toMatchObject({
			name: '张伟',
			studyMinutes: 12,
			practiceAnswered: 3,
			practiceCorrect: 2,
			reflections: 1,
			reflectionsGood: 1,
			examsTaken: 1,
			examsPassed: 1,
			examAverage: 100,
			meetingsExpected: 3,
			meetingsAttended: 2,
			absences: 1,
			points: 20,
			evaluation: null
		});
		const [branch] = r.branches;
		expect(branch).toMatchObject({ branchName: '机关第一党支部', members: 20 });
		// Everyone was expected at the two meetings of the week; only 张伟 came to the first.
		expect(r.members.filter((x) => x.meetingsExpected >= 2)).toHaveLength(20);
		expect(branch.participants).toBeGreaterThanOrEqual(1);
	});

	it('are read by the secretary for the branch and by the admin for the whole tree, by nobody else', async () => {
		await aWeekOfLearning(db, T0);
		const admin = await demoActor(db, '13800000000', NOW);
		const whole = await evaluationReport(db, admin, { unitId: null, period: '2026' }, NOW);
		expect(whole.branches.map((b) => b.branchName).sort()).toEqual(['机关第一党支部', '离退休党支部']);
		expect(whole.members).toHaveLength(32);
		const secretary = await demoActor(db, '13800000001', NOW);
		expect(await status(evaluationReport(db, secretary, { unitId: whole.unit.id, period: '2026' }, NOW))).toBe(404);
		expect(await status(evaluationReport(db, await demoActor(db, '13800000002', NOW), { unitId: null, period: '2026' }, NOW))).toBe(403);
		expect(await status(evaluationReport(db, secretary, { unitId: null, period: '2026-H9' }, NOW))).toBe(400);
	});

	it('take the secretary’s grade and comment, the last one standing, and refuse others', async () => {
		const { secretary, member } = await aWeekOfLearning(db, T0);
		expect(await evaluateMember(db, secretary, member.userId, '2026-H2', { grade: 'great', comment: '' }, NOW)).toEqual({ ok: false, message: '请选择考评等次' });
		expect(await evaluateMember(db, secretary, member.userId, '2026-H2', { grade: 'qualified', comment: '' }, NOW)).toEqual({ ok: true });
		expect(await evaluateMember(db, secretary, member.userId, '2026-H2', { grade: 'excellent', comment: '学习主动，心得扎实' }, NOW + MIN)).toEqual({ ok: true });
		expect(await status(evaluateMember(db, member, member.userId, '2026-H2', { grade: 'excellent', comment: '' }, NOW))).toBe(403);
		expect(await status(evaluateMember(db, await demoActor(db, '13800000003', NOW), member.userId, '2026-H2', { grade: 'basic', comment: '' }, NOW))).toBe(403);
		const r = await evaluationReport(db, secretary, { unitId: null, period: '2026-H2' }, NOW);
		expect(r.members.find((x) => x.id === member.userId)!.evaluation).toEqual({ grade: 'excellent', comment: '学习主动，心得扎实' });
		expect(r.branches[0].graded.excellent).toBe(1);
		// Another period knows nothing of it.
		expect((await evaluationReport(db, secretary, { unitId: null, period: '2026' }, NOW)).members.find((x) => x.id === member.userId)!.evaluation).toBeNull();
	});

	it('export the branches and every member with their grade to Excel', async () => {
		const { secretary, member } = await aWeekOfLearning(db, T0);
		await evaluateMember(db, secretary, member.userId, '2026-H2', { grade: 'excellent', comment: '好' }, NOW);
		const r = await evaluationReport(db, secretary, { unitId: null, period: '2026-H2' }, NOW);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await evaluationWorkbook(r)).buffer as ArrayBuffer);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['支部汇总', '党员明细']);
		const people = wb.getWorksheet('党员明细')!;
		expect(people.rowCount).toBe(21);
		const row = people.getRows(2, 20)!.find((x) => x.getCell(1).value === '张伟')!;
		expect(row.getCell(people.columnCount - 1).value).toBe('优秀');
		expect(row.getCell(people.columnCount).value).toBe('好');
	});
});
