import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { commitSoon } from '../db/group-commit';
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
export type { Audience } from '../people/audience';

/**
 * The hot reads of starting and handing in (hundreds of members at once), prepared once: building
 * and preparing a Drizzle query costs more than running it. Lists travel as one JSON parameter.
 */
const hot = preparedFor((db) => ({
	byId: db
		.select({ exam: exams, ownerPath: orgUnits.path, ownerName: orgUnits.name })
		.from(exams)
		.innerJoin(orgUnits, eq(orgUnits.id, exams.ownerUnitId))
		.where(eq(exams.id, sql.placeholder('id')))
		.prepare(),
	unitPaths: db
		.select({ id: orgUnits.id, path: orgUnits.path })
		.from(orgUnits)
		.where(sql`${orgUnits.id} in (select value from json_each(${sql.placeholder('ids')}))`)
		.prepare(),
	candidates: db
		.select({ id: questions.id, version: questions.version, bankId: questions.bankId, type: questions.type, tags: questions.tags, difficulty: questions.difficulty, points: questions.points })
		.from(questions)
		.where(
			and(
				sql`(${questions.bankId} in (select value from json_each(${sql.placeholder('banks')})) or ${questions.id} in (select value from json_each(${sql.placeholder('ids')})))`,
				isNull(questions.deletedAt),
				sql`(${questions.validUntil} is null or ${questions.validUntil} >= ${sql.placeholder('today')})`
			)
		)
		.orderBy(questions.bankId, questions.sort)
		.prepare(),
	attempt: db.select().from(examAttempts).where(eq(examAttempts.id, sql.placeholder('id'))).prepare(),
	attemptsOf: db
		.select()
		.from(examAttempts)
		.where(and(eq(examAttempts.examId, sql.placeholder('exam')), eq(examAttempts.userId, sql.placeholder('user'))))
		.orderBy(examAttempts.number)
		.prepare(),
	openPastDeadline: db
		.select()
		.from(examAttempts)
		.where(and(eq(examAttempts.status, 'open'), lt(examAttempts.deadline, sql.placeholder('before'))))
		.prepare(),
	answers: db.select().from(examAnswers).where(eq(examAnswers.attemptId, sql.placeholder('id'))).prepare(),
	answersOf: db
		.select()
		.from(examAnswers)
		.where(sql`${examAnswers.attemptId} in (select value from json_each(${sql.placeholder('ids')}))`)
		.prepare()
}));

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
			const r = hot(db).byId.get({ id });
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
			const rows = hot(db).unitPaths.all({ ids: JSON.stringify(ids) });
			return new Map(rows.map((r) => [r.id, r.path]));
		},
		/** Live questions of the given banks, and any fixed ones, as the draw sees them (expired ones left out). */
		async candidates(bankIds: string[], ids: string[], today: string): Promise<Candidate[]> {
			if (!bankIds.length && !ids.length) return [];
			const rows = hot(db).candidates.all({ banks: JSON.stringify(bankIds), ids: JSON.stringify(ids), today });
			return rows.map(({ tags, ...r }) => ({ ...r, tags: JSON.parse(tags) as string[] }));
		},

		/** Committed with whatever else arrives in the same moment (many members press 开始 together). */
		async insertAttempt(row: typeof examAttempts.$inferInsert) {
			await commitSoon(db, () => db.insert(examAttempts).values(row).run());
		},
		async attempt(id: string): Promise<AttemptRow | undefined> {
			return hot(db).attempt.get({ id });
		},
		async attemptsOf(examId: string, userId: string): Promise<AttemptRow[]> {
			return hot(db).attemptsOf.all({ exam: examId, user: userId });
		},
		async attemptsOfUser(userId: string): Promise<AttemptRow[]> {
			return db.select().from(examAttempts).where(eq(examAttempts.userId, userId)).all();
		},
		async attemptsOfExam(examId: string): Promise<(AttemptRow & { name: string })[]> {
			const rows = await db.select({ a: examAttempts, name: users.name }).from(examAttempts).innerJoin(users, eq(users.id, examAttempts.userId)).where(eq(examAttempts.examId, examId)).all();
			return rows.map((r) => ({ ...r.a, name: r.name }));
		},
		async openPastDeadline(before: number): Promise<AttemptRow[]> {
			return hot(db).openPastDeadline.all({ before });
		},
		async updateAttempt(id: string, patch: Partial<AttemptRow>) {
			await db.update(examAttempts).set(patch).where(eq(examAttempts.id, id)).run();
		},
		async answers(attemptId: string): Promise<AnswerRow[]> {
			return hot(db).answers.all({ id: attemptId });
		},
		/** The answers of many attempts in one query, by attempt. */
		async answersOf(attemptIds: string[]): Promise<Map<string, AnswerRow[]>> {
			const byAttempt = new Map<string, AnswerRow[]>(attemptIds.map((id) => [id, []]));
			if (!attemptIds.length) return byAttempt;
			for (const row of hot(db).answersOf.all({ ids: JSON.stringify(attemptIds) })) byAttempt.get(row.attemptId)?.push(row);
			return byAttempt;
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
		/** Run a hand-in's writes together, committed with the other hand-ins of the same moment. */
		inTransaction(writes: () => void): Promise<void> {
			return commitSoon(db, writes);
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
