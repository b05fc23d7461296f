import type { Db } from '../db/client';
import { preparedFor } from '../db/prepared';
import type { EvaluationGrade } from '$lib/shared/reports/evaluation';

export interface ReportMember {
	id: string;
	name: string;
	phone: string;
	branchId: string;
	branchPath: string;
	branchName: string;
	groupId: string | null;
}

/** The period, and the members as a JSON array of ids (`@ids`). */
type Range = { ids: string; from: number; to: number; fromDay: string; toDay: string };
/**
 * Rows of a learning table that belong to the report's members. An IN list over the (user, time)
 * indexes: as fast as a plain scan for the whole organisation, and a few index ranges for one branch.
 */
const MEMBERS = (column = 'user_id') => `${column} IN (SELECT value FROM json_each(@ids))`;

/** Organisation-wide figures per member for a period, each a single grouped query (see bench/report.ts). */
const statements = preparedFor((db) => {
	const c = db.$client;
	return {
		members: c.prepare<[{ root: string }], ReportMember>(
			`SELECT u.id, u.name, u.phone, u.branch_id AS branchId, o.path AS branchPath, o.name AS branchName, u.group_id AS groupId
			   FROM users u JOIN org_units o ON o.id = u.branch_id WHERE substr(o.path, 1, length(@root)) = @root AND u.active = 1`
		),
		study: c.prepare<[Range], { userId: string; ms: number; days: number }>(
			`SELECT user_id AS userId, sum(credited_ms) AS ms, count(DISTINCT day) AS days FROM study_credits
			  WHERE ${MEMBERS()} AND day BETWEEN @fromDay AND @toDay AND credited_ms > 0 GROUP BY user_id`
		),
		practice: c.prepare<[Range], { userId: string; answered: number; correct: number }>(
			`SELECT user_id AS userId, count(*) AS answered, sum(correct) AS correct FROM practice_answers
			  WHERE ${MEMBERS()} AND answered_at BETWEEN @from AND @to GROUP BY user_id`
		),
		reflections: c.prepare<[Range], { userId: string; count: number; excellent: number; good: number }>(
			`SELECT user_id AS userId, count(*) AS count, sum(grade = 'excellent') AS excellent, sum(grade = 'good') AS good
			   FROM reflections WHERE ${MEMBERS()} AND submitted_at BETWEEN @from AND @to GROUP BY user_id`
		),
		exams: c.prepare<[Range], { userId: string; examId: string; best: number | null; passPercent: number }>(
			`SELECT a.user_id AS userId, a.exam_id AS examId, max(CASE WHEN a.status = 'graded' AND a.max_score > 0 THEN a.score * 100.0 / a.max_score END) AS best, e.pass_percent AS passPercent
			   FROM exam_attempts a JOIN exams e ON e.id = a.exam_id WHERE ${MEMBERS('a.user_id')} AND a.submitted_at BETWEEN @from AND @to GROUP BY a.user_id, a.exam_id`
		),
		contests: c.prepare<[Range], { userId: string; count: number }>(
			// No index leads from the player: one pass over the period's answers; players who are not members (guests) drop out when looked up.
			`SELECT player_id AS userId, count(DISTINCT contest_id) AS count FROM contest_answers WHERE at BETWEEN @from AND @to GROUP BY player_id`
		),
		points: c.prepare<[Range], { userId: string; points: number; contestPoints: number }>(
			`SELECT user_id AS userId, sum(points) AS points, sum(CASE WHEN rule = 'contest' THEN points ELSE 0 END) AS contestPoints
			   FROM points_ledger WHERE ${MEMBERS()} AND day BETWEEN @fromDay AND @toDay GROUP BY user_id`
		),
		evaluations: c.prepare<[{ ids: string; period: string }], { userId: string; grade: EvaluationGrade; comment: string; evaluatedAt: number }>(
			`SELECT user_id AS userId, grade, comment, evaluated_at AS evaluatedAt FROM evaluations WHERE ${MEMBERS()} AND period = @period`
		),
		evaluate: c.prepare(
			`INSERT INTO evaluations (user_id, period, grade, comment, branch_id, evaluated_by, evaluated_at) VALUES (@userId, @period, @grade, @comment, @branchId, @by, @now)
			 ON CONFLICT (user_id, period) DO UPDATE SET grade = excluded.grade, comment = excluded.comment, branch_id = excluded.branch_id,
			 evaluated_by = excluded.evaluated_by, evaluated_at = excluded.evaluated_at`
		)
	};
});

const byUser = <T extends { userId: string }>(rows: T[]) => new Map(rows.map((r) => [r.userId, r]));

export function evaluationRepo(db: Db) {
	const s = statements(db);
	return {
		members: (root: string) => s.members.all({ root }),
		study: (r: Range) => byUser(s.study.all(r)),
		practice: (r: Range) => byUser(s.practice.all(r)),
		reflections: (r: Range) => byUser(s.reflections.all(r)),
		exams: (r: Range) => s.exams.all(r),
		contests: (r: Range) => byUser(s.contests.all(r)),
		points: (r: Range) => byUser(s.points.all(r)),
		evaluations: (ids: string, period: string) => byUser(s.evaluations.all({ ids, period })),
		evaluate: (row: { userId: string; period: string; grade: EvaluationGrade; comment: string; branchId: string; by: string; now: number }) => s.evaluate.run(row)
	};
}
