import type { Db } from '../db/client';
import { preparedFor } from '../db/prepared';

/** Synchronous on purpose: a 补学 confirmed offline is checked inside the sync transaction, after the reading ops before it. */
const statements = preparedFor((db) => {
	const c = db.$client;
	return {
		modules: c.prepare<[string], { id: string; title: string }>('SELECT m.id, m.title FROM json_each(?) j JOIN modules m ON m.id = j.value ORDER BY j.key'),
		lessons: c.prepare<[string, string], { id: string; moduleId: string; body: string; ms: number }>(
			`SELECT l.id, l.module_id AS moduleId, l.body, coalesce(p.effective_ms, 0) AS ms
			   FROM lessons l LEFT JOIN lesson_progress p ON p.lesson_id = l.id AND p.user_id = ?
			  WHERE l.module_id IN (SELECT value FROM json_each(?))`
		),
		exam: c.prepare<[string], { id: string; title: string; opensAt: number; closesAt: number; passPercent: number }>(
			'SELECT id, title, opens_at AS opensAt, closes_at AS closesAt, pass_percent AS passPercent FROM exams WHERE id = ?'
		),
		attempts: c.prepare<[string, string], { status: string; score: number | null; maxScore: number }>(
			'SELECT status, score, max_score AS maxScore FROM exam_attempts WHERE exam_id = ? AND user_id = ?'
		)
	};
});

/** What a member's 补学 depends on: the linked modules with their lessons and the member's reading time, and the linked exam with their attempts. */
export function makeupRepo(db: Db) {
	const s = statements(db);
	return {
		modules: (moduleIds: string[]) => s.modules.all(JSON.stringify(moduleIds)),
		lessonsRead: (userId: string, moduleIds: string[]) => s.lessons.all(userId, JSON.stringify(moduleIds)),
		exam: (examId: string) => s.exam.get(examId),
		attempts: (examId: string, userId: string) => s.attempts.all(examId, userId)
	};
}
