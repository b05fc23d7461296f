import { toXlsxSheets, type Cell } from '../xlsx';
import type { EvaluationReport } from './evaluation-service';
import { m } from '$lib/paraglide/messages';
import { evaluationGradeLabel, percent } from '$lib/shared/reports/labels';

/** The evaluation as a workbook: one row per branch, then one per member with the grade and comment last. */
export function evaluationWorkbook(r: EvaluationReport): Promise<Uint8Array> {
	const branches: Cell[][] = r.branches.map((b) => [
		b.branchName,
		b.members,
		percent(b.participation),
		b.studyMinutesAvg,
		percent(b.planCompletion),
		percent(b.attendanceRate),
		b.examAverage,
		b.pointsAvg,
		Object.values(b.graded).reduce((n, c) => n + c, 0)
	]);
	const members: Cell[][] = r.members.map((p) => [
		p.name,
		p.branchName,
		p.studyMinutes,
		p.studyDays,
		`${p.practiceCorrect}/${p.practiceAnswered}`,
		`${p.reflectionsExcellent}/${p.reflectionsGood}/${p.reflections}`,
		`${p.plansComplete}/${p.plansAssigned}`,
		`${p.examsPassed}/${p.examsTaken}`,
		p.examAverage,
		p.contests,
		p.contestPoints,
		`${p.meetingsAttended}/${p.meetingsExpected}`,
		p.absences,
		p.points,
		p.evaluation ? evaluationGradeLabel(p.evaluation.grade) : null,
		p.evaluation?.comment || null
	]);
	return toXlsxSheets([
		{
			name: m.report_sheet_branches(),
			headers: [m.report_col_branch(), m.report_col_members(), m.report_col_participation(), m.report_col_study_avg(), m.report_col_plans(), m.report_col_attendance(), m.report_col_exam_avg(), m.report_col_points_avg(), m.report_col_graded()],
			rows: branches
		},
		{
			name: m.report_sheet_members(),
			headers: [
				m.report_col_name(),
				m.report_col_branch(),
				m.report_col_study(),
				m.report_col_study_days(),
				m.report_col_practice(),
				m.report_col_reflections(),
				m.report_col_member_plans(),
				m.report_col_exams(),
				m.report_col_exam_avg(),
				m.report_col_contests(),
				m.report_col_contest_points(),
				m.report_col_meetings(),
				m.report_col_absences(),
				m.report_col_points(),
				m.report_col_grade(),
				m.report_col_comment()
			],
			rows: members
		}
	]);
}
