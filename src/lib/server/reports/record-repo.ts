import type { Db } from '../db/client';
import { preparedFor } from '../db/prepared';
import type { PointRule } from '$lib/shared/points/rules';

/** A Beijing day (YYYY-MM-DD) from an integer-millisecond column, in SQL. */
export const BEIJING_DAY_SQL = (column: string) => `date((${column} + 28800000) / 1000, 'unixepoch')`;

export interface StudyDay {
	day: string;
	ms: number;
	at: number;
	modules: string;
}
export interface PracticeDay {
	day: string;
	answered: number;
	correct: number;
	at: number;
}
export interface ReflectionFact {
	id: string;
	module: string;
	status: 'submitted' | 'returned' | 'reviewed';
	grade: 'excellent' | 'good' | 'pass' | 'improve' | null;
	at: number;
}
export interface AttemptFact {
	id: string;
	examId: string;
	title: string;
	score: number | null;
	maxScore: number;
	status: 'open' | 'marking' | 'graded';
	passPercent: number;
	at: number;
}
export interface ContestFact {
	id: string;
	title: string;
	answered: number;
	at: number;
}
export interface LedgerFact {
	rule: PointRule;
	source: string;
	points: number;
	day: string;
}

/** One member's learning in a period, fact by fact (all SQL of the learning record). */
const statements = preparedFor((db) => {
	const c = db.$client;
	return {
		study: c.prepare<[string, string, string], StudyDay>(
			`SELECT c.day, sum(c.credited_ms) AS ms, max(c.to_at) AS at, group_concat(DISTINCT m.title) AS modules
			   FROM study_credits c JOIN lessons l ON l.id = c.lesson_id JOIN modules m ON m.id = l.module_id
			  WHERE c.user_id = ? AND c.day BETWEEN ? AND ? AND c.credited_ms > 0 GROUP BY c.day`
		),
		practice: c.prepare<[string, number, number], PracticeDay>(
			`SELECT ${BEIJING_DAY_SQL('answered_at')} AS day, count(*) AS answered, sum(correct) AS correct, max(answered_at) AS at
			   FROM practice_answers WHERE user_id = ? AND answered_at BETWEEN ? AND ? GROUP BY day`
		),
		reflections: c.prepare<[string, number, number], ReflectionFact>(
			`SELECT r.id, m.title AS module, r.status, r.grade, r.submitted_at AS at FROM reflections r JOIN modules m ON m.id = r.module_id
			  WHERE r.user_id = ? AND r.submitted_at BETWEEN ? AND ?`
		),
		attempts: c.prepare<[string, number, number], AttemptFact>(
			`SELECT a.id, a.exam_id AS examId, e.title, a.score, a.max_score AS maxScore, a.status, e.pass_percent AS passPercent, a.submitted_at AS at
			   FROM exam_attempts a JOIN exams e ON e.id = a.exam_id
			  WHERE a.user_id = ? AND a.submitted_at BETWEEN ? AND ? ORDER BY a.submitted_at`
		),
		contests: c.prepare<[string, number, number], ContestFact>(
			`SELECT c.id, c.title, count(*) AS answered, min(a.at) AS at FROM contest_answers a JOIN contests c ON c.id = a.contest_id
			  WHERE a.player_id = ? AND a.at BETWEEN ? AND ? GROUP BY c.id`
		),
		ledger: c.prepare<[string, string, string], LedgerFact>('SELECT rule, source, points, day FROM points_ledger WHERE user_id = ? AND day BETWEEN ? AND ?')
	};
});

export function recordRepo(db: Db) {
	const s = statements(db);
	return {
		study: (userId: string, fromDay: string, toDay: string) => s.study.all(userId, fromDay, toDay),
		practice: (userId: string, from: number, to: number) => s.practice.all(userId, from, to),
		reflections: (userId: string, from: number, to: number) => s.reflections.all(userId, from, to),
		attempts: (userId: string, from: number, to: number) => s.attempts.all(userId, from, to),
		contests: (userId: string, from: number, to: number) => s.contests.all(userId, from, to),
		ledger: (userId: string, fromDay: string, toDay: string) => s.ledger.all(userId, fromDay, toDay)
	};
}
