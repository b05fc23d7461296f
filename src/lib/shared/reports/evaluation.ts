import { groupBy } from '../group-by';

/**
 * 考评: a member's figures over a half-year or a year, the branch's figures built from them, and the
 * secretary's overall grade. Pure: the server fills the figures with set queries.
 */
export const EVALUATION_GRADES = ['excellent', 'qualified', 'basic', 'unqualified'] as const;
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number];

export interface MemberFigures {
	studyMinutes: number;
	studyDays: number;
	practiceAnswered: number;
	practiceCorrect: number;
	reflections: number;
	reflectionsExcellent: number;
	reflectionsGood: number;
	plansAssigned: number;
	plansComplete: number;
	plansOverdue: number;
	examsTaken: number;
	examsPassed: number;
	/** Mean of the best graded percentage in each exam taken, or null when none is graded. */
	examAverage: number | null;
	contests: number;
	contestPoints: number;
	meetingsExpected: number;
	meetingsAttended: number;
	absences: number;
	points: number;
}

export interface MemberRow extends MemberFigures {
	id: string;
	name: string;
	phone: string;
	branchId: string;
	branchName: string;
	evaluation: { grade: EvaluationGrade; comment: string } | null;
}

export interface BranchRow {
	branchId: string;
	branchName: string;
	members: number;
	/** 参学率: members who studied, practised, wrote or sat an exam in the period. */
	participants: number;
	participation: number;
	studyMinutesAvg: number;
	/** Completed plan assignments over all assignments, or null when the branch had no plan due. */
	planCompletion: number | null;
	attendanceRate: number | null;
	examAverage: number | null;
	pointsAvg: number;
	graded: Record<EvaluationGrade, number>;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** A member studied in the period when anything of theirs counts: reading, practice, a reflection or an exam. */
export const participated = (f: MemberFigures) => f.studyMinutes > 0 || f.practiceAnswered > 0 || f.reflections > 0 || f.examsTaken > 0;

/** Exams of one member: how many taken and passed (best graded result against the pass mark), and the mean best percentage. */
export function examFigures(exams: { best: number | null; passPercent: number }[]): Pick<MemberFigures, 'examsTaken' | 'examsPassed' | 'examAverage'> {
	const graded = exams.filter((e) => e.best !== null) as { best: number; passPercent: number }[];
	const average = mean(graded.map((e) => e.best));
	return { examsTaken: exams.length, examsPassed: graded.filter((e) => e.best >= e.passPercent).length, examAverage: average === null ? null : round1(average) };
}

/** One row per branch, in the order the members' branches first appear. */
export function branchRows(rows: MemberRow[]): BranchRow[] {
	return [...groupBy(rows, (r) => r.branchId).values()].map((members) => {
		const sum = (f: (r: MemberRow) => number) => members.reduce((n, r) => n + f(r), 0);
		const participants = members.filter(participated).length;
		const graded = Object.fromEntries(EVALUATION_GRADES.map((g) => [g, members.filter((r) => r.evaluation?.grade === g).length])) as Record<EvaluationGrade, number>;
		const examAverage = mean(members.flatMap((r) => (r.examAverage === null ? [] : [r.examAverage])));
		return {
			branchId: members[0].branchId,
			branchName: members[0].branchName,
			members: members.length,
			participants,
			participation: participants / members.length,
			studyMinutesAvg: round1(sum((r) => r.studyMinutes) / members.length),
			planCompletion: ratio(sum((r) => r.plansComplete), sum((r) => r.plansAssigned)),
			attendanceRate: ratio(sum((r) => r.meetingsAttended), sum((r) => r.meetingsExpected)),
			examAverage: examAverage === null ? null : round1(examAverage),
			pointsAvg: round1(sum((r) => r.points) / members.length),
			graded
		};
	});
}
