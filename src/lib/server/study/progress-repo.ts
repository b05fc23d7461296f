import type { Db } from '../db/client';
import { preparedFor } from '../db/prepared';

export interface LessonAccess {
	lessonId: string;
	moduleId: string;
	updatedAt: number;
	status: 'draft' | 'published';
	ownerPath: string;
}

/**
 * Reading reports arrive through /api/sync, inside its group-commit transaction: synchronous prepared
 * statements, read and written in the same transaction so two reports in one batch see each other.
 */
const statements = preparedFor((db) => {
	const c = db.$client;
	return {
		access: c.prepare<[string], { lessonId: string; moduleId: string; updatedAt: number; status: 'draft' | 'published'; ownerPath: string }>(
			`SELECT l.id AS lessonId, l.module_id AS moduleId, l.updated_at AS updatedAt, m.status, o.path AS ownerPath
			 FROM lessons l JOIN modules m ON m.id = l.module_id JOIN org_units o ON o.id = m.owner_unit_id WHERE l.id = ?`
		),
		body: c.prepare<[string], { body: string }>('SELECT body FROM lessons WHERE id = ?'),
		covered: c.prepare<[string, number, number], { fromAt: number; toAt: number }>(
			'SELECT from_at AS fromAt, to_at AS toAt FROM study_credits WHERE user_id = ? AND to_at > ? AND from_at < ? AND credited_ms > 0'
		),
		dayMs: c.prepare<[string, string], { ms: number | null }>('SELECT sum(credited_ms) AS ms FROM study_credits WHERE user_id = ? AND day = ?'),
		lessonMs: c.prepare<[string, string], { ms: number }>('SELECT effective_ms AS ms FROM lesson_progress WHERE user_id = ? AND lesson_id = ?'),
		insertCredit: c.prepare(
			`INSERT INTO study_credits (id, user_id, lesson_id, day, from_at, to_at, claimed_ms, credited_ms, received_at)
			 VALUES (@id, @userId, @lessonId, @day, @fromAt, @toAt, @claimedMs, @creditedMs, @now)`
		),
		addProgress: c.prepare(
			`INSERT INTO lesson_progress (user_id, lesson_id, effective_ms, first_at, last_at, version)
			 VALUES (@userId, @lessonId, @ms, @at, @at, (SELECT version FROM lessons WHERE id = @lessonId))
			 ON CONFLICT (user_id, lesson_id) DO UPDATE SET effective_ms = effective_ms + excluded.effective_ms, last_at = max(last_at, excluded.last_at)`
		)
	};
});

export interface CreditRow {
	id: string;
	userId: string;
	lessonId: string;
	day: string;
	fromAt: number;
	toAt: number;
	claimedMs: number;
	creditedMs: number;
	now: number;
}

export function progressRepo(db: Db) {
	const s = statements(db);
	return {
		access: (lessonId: string): LessonAccess | undefined => s.access.get(lessonId),
		body: (lessonId: string) => s.body.get(lessonId)?.body ?? '',
		/** Credited spans of the member overlapping [from, to]. */
		covered: (userId: string, from: number, to: number): [number, number][] => s.covered.all(userId, from, to).map((r) => [r.fromAt, r.toAt]),
		dayMs: (userId: string, day: string) => s.dayMs.get(userId, day)?.ms ?? 0,
		lessonMs: (userId: string, lessonId: string) => s.lessonMs.get(userId, lessonId)?.ms ?? 0,
		/** Record a report and add what it earned to the lesson's total. */
		credit(row: CreditRow) {
			s.insertCredit.run(row);
			if (row.creditedMs > 0) s.addProgress.run({ userId: row.userId, lessonId: row.lessonId, ms: row.creditedMs, at: row.toAt });
		}
	};
}
