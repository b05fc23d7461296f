import { and, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { preparedFor } from '../db/prepared';
import { examAnswers, examAttempts, exams, orgUnits, questions, users } from '../db/schema';
import type { Candidate, PaperItem } from '$lib/shared/quiz/paper';

export type ExamRow = typeof exams.$inferSelect;
export type AttemptRow = typeof examAttempts.$inferSelect;
export type AnswerRow = typeof examAnswers.$inferSelect;
export interface AttemptItem extends PaperItem {
	/** Option keys in the order this member sees them (choice questions, when options are shuffled). */
	optionOrder?: string[];
}
export interface Audience {
	units: string[];
	people: string[];
}

/** The answer path runs inside /api/sync's transaction: synchronous prepared statements (see sync/repo.ts). */
const statements = preparedFor((db) => {
	const c = db.$client;
	return {
		attempt: c.prepare<[string], { user_id: string; status: string; deadline: number; items: string }>(
			'SELECT user_id, status, deadline, items FROM exam_attempts WHERE id = ?'
		),
		putAnswer: c.prepare(
			`INSERT INTO exam_answers (attempt_id, question_id, response, saved_at, received_at, duration_ms) VALUES (?, ?, ?, ?, ?, ?)
			 ON CONFLICT (attempt_id, question_id) DO UPDATE SET response = excluded.response, saved_at = excluded.saved_at,
			 received_at = excluded.received_at, duration_ms = excluded.duration_ms WHERE excluded.saved_at >= exam_answers.saved_at`
		),
		hidden: c.prepare("UPDATE exam_attempts SET tab_switches = tab_switches + 1 WHERE id = ? AND status = 'open'"),
		mark: c.prepare('UPDATE exam_answers SET score = ?, correct = ? WHERE attempt_id = ? AND question_id = ?'),
		finish: c.prepare("UPDATE exam_attempts SET status = ?, score = ?, submitted_at = ?, fast_answers = ? WHERE id = ? AND status = 'open'")
	};
});

export function examRepo(db: Db) {
	const s = statements(db);
	return {
		async insert(row: typeof exams.$inferInsert) {
			await db.insert(exams).values(row).run();
		},
		async update(id: string, patch: Partial<ExamRow>) {
			await db.update(exams).set(patch).where(eq(exams.id, id)).run();
		},
		async byId(id: string): Promise<(ExamRow & { ownerPath: string; ownerName: string }) | undefined> {
			const r = await db
				.select({ exam: exams, ownerPath: orgUnits.path, ownerName: orgUnits.name })
				.from(exams)
				.innerJoin(orgUnits, eq(orgUnits.id, exams.ownerUnitId))
				.where(eq(exams.id, id))
				.get();
			return r && { ...r.exam, ownerPath: r.ownerPath, ownerName: r.ownerName };
		},
		/** Exams owned at or under `root`, or at one of `ownerPaths`, newest first. */
		async list(root: string): Promise<(ExamRow & { ownerPath: string; ownerName: string })[]> {
			const rows = await db
				.select({ exam: exams, ownerPath: orgUnits.path, ownerName: orgUnits.name })
				.from(exams)
				.innerJoin(orgUnits, eq(orgUnits.id, exams.ownerUnitId))
				.where(sql`${orgUnits.path} like ${root + '%'}`)
				.orderBy(desc(exams.opensAt))
				.all();
			return rows.map((r) => ({ ...r.exam, ownerPath: r.ownerPath, ownerName: r.ownerName }));
		},
		/** Published exams that close after `since`, for a member's list. */
		async published(since: number): Promise<ExamRow[]> {
			return db
				.select()
				.from(exams)
				.where(and(eq(exams.status, 'published'), gt(exams.closesAt, since)))
				.orderBy(exams.opensAt)
				.all();
		},
		async unitPaths(ids: string[]): Promise<Map<string, string>> {
			if (!ids.length) return new Map();
			const rows = await db.select({ id: orgUnits.id, path: orgUnits.path }).from(orgUnits).where(inArray(orgUnits.id, ids)).all();
			return new Map(rows.map((r) => [r.id, r.path]));
		},
		/** Live questions of the given banks, and any fixed ones, as the draw sees them (expired ones left out). */
		async candidates(bankIds: string[], ids: string[], today: string): Promise<Candidate[]> {
			if (!bankIds.length && !ids.length) return [];
			const scope = bankIds.length && ids.length ? sql`(${inArray(questions.bankId, bankIds)} or ${inArray(questions.id, ids)})` : bankIds.length ? inArray(questions.bankId, bankIds) : inArray(questions.id, ids);
			const rows = await db
				.select({ id: questions.id, version: questions.version, bankId: questions.bankId, type: questions.type, tags: questions.tags, difficulty: questions.difficulty, points: questions.points, validUntil: questions.validUntil })
				.from(questions)
				.where(and(scope, isNull(questions.deletedAt)))
				.orderBy(questions.bankId, questions.sort)
				.all();
			return rows.filter((r) => r.validUntil === null || r.validUntil >= today).map(({ validUntil: _v, tags, ...r }) => ({ ...r, tags: JSON.parse(tags) as string[] }));
		},

		async insertAttempt(row: typeof examAttempts.$inferInsert) {
			await db.insert(examAttempts).values(row).run();
		},
		async attempt(id: string): Promise<AttemptRow | undefined> {
			return db.select().from(examAttempts).where(eq(examAttempts.id, id)).get();
		},
		async attemptsOf(examId: string, userId: string): Promise<AttemptRow[]> {
			return db
				.select()
				.from(examAttempts)
				.where(and(eq(examAttempts.examId, examId), eq(examAttempts.userId, userId)))
				.orderBy(examAttempts.number)
				.all();
		},
		async attemptsOfUser(userId: string): Promise<AttemptRow[]> {
			return db.select().from(examAttempts).where(eq(examAttempts.userId, userId)).all();
		},
		async attemptsOfExam(examId: string): Promise<(AttemptRow & { name: string })[]> {
			const rows = await db.select({ a: examAttempts, name: users.name }).from(examAttempts).innerJoin(users, eq(users.id, examAttempts.userId)).where(eq(examAttempts.examId, examId)).all();
			return rows.map((r) => ({ ...r.a, name: r.name }));
		},
		async openPastDeadline(before: number): Promise<AttemptRow[]> {
			return db
				.select()
				.from(examAttempts)
				.where(and(eq(examAttempts.status, 'open'), lt(examAttempts.deadline, before)))
				.all();
		},
		async updateAttempt(id: string, patch: Partial<AttemptRow>) {
			await db.update(examAttempts).set(patch).where(eq(examAttempts.id, id)).run();
		},
		async answers(attemptId: string): Promise<AnswerRow[]> {
			return db.select().from(examAnswers).where(eq(examAnswers.attemptId, attemptId)).all();
		},
		async updateAnswer(attemptId: string, questionId: string, patch: Partial<AnswerRow>) {
			await db
				.update(examAnswers)
				.set(patch)
				.where(and(eq(examAnswers.attemptId, attemptId), eq(examAnswers.questionId, questionId)))
				.run();
		},

		/** Sync-path reads and writes (inside the batch transaction). */
		attemptForAnswer(id: string) {
			const r = s.attempt.get(id);
			return r && { userId: r.user_id, status: r.status, deadline: r.deadline, items: JSON.parse(r.items) as AttemptItem[] };
		},
		putAnswer(attemptId: string, questionId: string, response: string[], savedAt: number, now: number, ms: number | null) {
			s.putAnswer.run(attemptId, questionId, JSON.stringify(response), savedAt, now, ms);
		},
		countHidden(attemptId: string) {
			s.hidden.run(attemptId);
		},
		/** Run writes in one transaction: one fsync for a whole hand-in, not one per answer. */
		inTransaction(writes: () => void) {
			db.$client.transaction(writes)();
		},
		setMark(attemptId: string, questionId: string, score: number, correct: boolean) {
			s.mark.run(score, correct ? 1 : 0, attemptId, questionId);
		},
		/** Close an open attempt; false when it was already closed (a second hand-in racing the first). */
		finish(attemptId: string, status: 'marking' | 'graded', score: number, submittedAt: number, fastAnswers: number): boolean {
			return s.finish.run(status, score, submittedAt, fastAnswers, attemptId).changes === 1;
		}
	};
}
