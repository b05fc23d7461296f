import { m } from '$lib/paraglide/messages';
import type { EvaluationGrade } from './evaluation';
import type { Period } from './period';
import type { RecordSummary } from './record-types';

const KIND: Record<string, () => string> = {
	study: m.record_kind_study,
	practice: m.record_kind_practice,
	reflection: m.record_kind_reflection,
	exam: m.record_kind_exam,
	contest: m.record_kind_contest,
	meeting: m.record_kind_meeting,
	makeup: m.record_kind_makeup
};

export const recordKindLabel = (kind: string) => KIND[kind]?.() ?? kind;

export function periodLabel(p: Pick<Period, 'year' | 'half'>): string {
	if (p.half === 1) return m.record_period_h1({ year: p.year });
	if (p.half === 2) return m.record_period_h2({ year: p.year });
	return m.record_period_year({ year: p.year });
}

/** A record's summary as labelled lines, for the page, the print and the workbook alike. */
export function summaryLines(s: RecordSummary): [string, string][] {
	return [
		[m.record_sum_study(), m.record_sum_study_value({ minutes: s.studyMinutes, days: s.studyDays })],
		[m.record_sum_practice(), m.record_sum_practice_value({ answered: s.practiceAnswered, correct: s.practiceCorrect })],
		[m.record_sum_reflections(), m.record_sum_reflections_value({ count: s.reflections, excellent: s.reflectionsExcellent, good: s.reflectionsGood })],
		[m.record_sum_exams(), m.record_sum_exams_value({ taken: s.examsTaken, passed: s.examsPassed })],
		[m.record_sum_contests(), m.record_sum_contests_value({ count: s.contests })],
		[m.record_sum_meetings(), m.record_sum_meetings_value({ expected: s.meetingsExpected, attended: s.meetingsAttended, makeups: s.makeups })],
		[m.record_sum_points(), String(s.points)]
	];
}

const GRADE: Record<EvaluationGrade, () => string> = {
	excellent: m.evaluation_excellent,
	qualified: m.evaluation_qualified,
	basic: m.evaluation_basic,
	unqualified: m.evaluation_unqualified
};
export const evaluationGradeLabel = (g: EvaluationGrade) => GRADE[g]();

/** A rate as a whole percentage, or a dash when there was nothing to count. */
export const percent = (x: number | null) => (x === null ? m.report_none() : `${Math.round(x * 100)}%`);
