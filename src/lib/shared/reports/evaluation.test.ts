import { describe, expect, it } from 'vitest';
import { branchRows, examFigures, participated, type MemberFigures, type MemberRow } from './evaluation';

const none: MemberFigures = {
	studyMinutes: 0,
	studyDays: 0,
	practiceAnswered: 0,
	practiceCorrect: 0,
	reflections: 0,
	reflectionsExcellent: 0,
	reflectionsGood: 0,
	plansAssigned: 0,
	plansComplete: 0,
	plansOverdue: 0,
	examsTaken: 0,
	examsPassed: 0,
	examAverage: null,
	contests: 0,
	contestPoints: 0,
	meetingsExpected: 0,
	meetingsAttended: 0,
	absences: 0,
	points: 0
};
const row = (id: string, branchId: string, f: Partial<MemberFigures>, grade: MemberRow['evaluation'] = null): MemberRow => ({ ...none, ...f, id, name: id, phone: '', branchId, branchName: `支部${branchId}`, evaluation: grade });

describe('evaluation figures', () => {
	it('score exams by the best graded result of each, against its pass mark', () => {
		expect(examFigures([])).toEqual({ examsTaken: 0, examsPassed: 0, examAverage: null });
		expect(examFigures([{ best: 90, passPercent: 60 }, { best: 55, passPercent: 60 }, { best: null, passPercent: 60 }])).toEqual({ examsTaken: 3, examsPassed: 1, examAverage: 72.5 });
	});

	it('count as taking part only what is learning', () => {
		expect(participated(none)).toBe(false);
		expect(participated({ ...none, meetingsAttended: 3, points: 9 })).toBe(false);
		expect(participated({ ...none, practiceAnswered: 1 })).toBe(true);
	});

	it('total a fixed set of members into branch rows', () => {
		const rows = [
			row('a', '1', { studyMinutes: 120, plansAssigned: 2, plansComplete: 2, meetingsExpected: 4, meetingsAttended: 4, examAverage: 90, points: 40 }, { grade: 'excellent', comment: '' }),
			row('b', '1', { practiceAnswered: 30, plansAssigned: 2, plansComplete: 1, meetingsExpected: 4, meetingsAttended: 2, examAverage: 70, points: 20 }, { grade: 'qualified', comment: '' }),
			row('c', '1', { plansAssigned: 2, meetingsExpected: 4, points: 0 }),
			row('d', '2', { studyMinutes: 30, points: 6 })
		];
		expect(branchRows(rows)).toEqual([
			{
				branchId: '1',
				branchName: '支部1',
				members: 3,
				participants: 2,
				participation: 2 / 3,
				studyMinutesAvg: 40,
				planCompletion: 0.5,
				attendanceRate: 0.5,
				examAverage: 80,
				pointsAvg: 20,
				graded: { excellent: 1, qualified: 1, basic: 0, unqualified: 0 }
			},
			{
				branchId: '2',
				branchName: '支部2',
				members: 1,
				participants: 1,
				participation: 1,
				studyMinutesAvg: 30,
				planCompletion: null,
				attendanceRate: null,
				examAverage: null,
				pointsAvg: 6,
				graded: { excellent: 0, qualified: 0, basic: 0, unqualified: 0 }
			}
		]);
	});
});
