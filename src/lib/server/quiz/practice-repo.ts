import type { Db } from '../db/client';
import { preparedFor } from '../db/prepared';
import { toStored, type QuestionRow, type StoredQuestion } from './question-repo';
import type { MistakeState } from '$lib/shared/quiz/mistakes';
import type { ReviewCard } from '$lib/shared/quiz/review';
import type { QuestionContent } from '$lib/shared/quiz/types';

export interface AnswerTarget {
	content: QuestionContent;
	bankId: string;
	purpose: 'practice' | 'exam';
	ownerPath: string;
	partialCredit: number;
}

interface CardRow {
	due: number;
	stability: number;
	difficulty: number;
	scheduled_days: number;
	learning_steps: number;
	reps: number;
	lapses: number;
	state: number;
	last_review: number | null;
}

/**
 * Practice answers arrive through /api/sync, inside its group-commit transaction, so these are
 * synchronous prepared statements (see sync/repo.ts).
 */
const statements = preparedFor((db) => {
	const c = db.$client;
	return {
		target: c.prepare<[string, number], { content: string; bank_id: string; purpose: 'practice' | 'exam'; path: string; partial_credit: number }>(
			`SELECT v.content, q.bank_id, b.purpose, o.path, b.partial_credit FROM question_versions v
			 JOIN questions q ON q.id = v.question_id JOIN question_banks b ON b.id = q.bank_id JOIN org_units o ON o.id = b.owner_unit_id
			 WHERE v.question_id = ? AND v.version = ?`
		),
		insertAnswer: c.prepare(
			`INSERT INTO practice_answers (id, user_id, question_id, version, mode, response, correct, score, duration_ms, answered_at, received_at)
			 VALUES (@id, @userId, @questionId, @version, @mode, @response, @correct, @score, @ms, @at, @now)`
		),
		mistake: c.prepare<[string, string], { last_wrong_at: number; wrong_count: number; right_days: string }>(
			'SELECT last_wrong_at, wrong_count, right_days FROM mistakes WHERE user_id = ? AND question_id = ?'
		),
		putMistake: c.prepare(
			`INSERT INTO mistakes (user_id, question_id, last_wrong_at, wrong_count, right_days, updated_at) VALUES (?, ?, ?, ?, ?, ?)
			 ON CONFLICT (user_id, question_id) DO UPDATE SET last_wrong_at = excluded.last_wrong_at, wrong_count = excluded.wrong_count,
			 right_days = excluded.right_days, updated_at = excluded.updated_at`
		),
		dropMistake: c.prepare('DELETE FROM mistakes WHERE user_id = ? AND question_id = ?'),
		card: c.prepare<[string, string], CardRow>(
			'SELECT due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, state, last_review FROM review_cards WHERE user_id = ? AND question_id = ?'
		),
		putCard: c.prepare(
			`INSERT INTO review_cards (user_id, question_id, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, state, last_review, updated_at)
			 VALUES (@userId, @questionId, @due, @stability, @difficulty, @scheduledDays, @learningSteps, @reps, @lapses, @state, @lastReview, @now)
			 ON CONFLICT (user_id, question_id) DO UPDATE SET due = excluded.due, stability = excluded.stability, difficulty = excluded.difficulty,
			 scheduled_days = excluded.scheduled_days, learning_steps = excluded.learning_steps, reps = excluded.reps, lapses = excluded.lapses,
			 state = excluded.state, last_review = excluded.last_review, updated_at = excluded.updated_at`
		),
		dueCards: c.prepare<[string], { question_id: string; due: number }>('SELECT question_id, due FROM review_cards WHERE user_id = ?'),
		rightBetween: c.prepare<[string, number, number], { n: number }>(
			'SELECT count(DISTINCT question_id) AS n FROM practice_answers WHERE user_id = ? AND correct = 1 AND answered_at BETWEEN ? AND ?'
		),
		answeredSince: c.prepare<[string, string, number], { n: number }>(
			'SELECT count(DISTINCT question_id) AS n FROM practice_answers WHERE user_id = ? AND mode = ? AND answered_at >= ?'
		),
		mistakeRows: c.prepare<[string], QuestionRow & { m_wrong: number; m_days: string; partial_credit: number }>(
			`SELECT q.id, q.bank_id AS bankId, q.version, q.type, q.stem, q.content, q.tags, q.difficulty, q.points, q.source, q.valid_until AS validUntil,
			 q.stem_key AS stemKey, q.sort, q.created_at AS createdAt, q.updated_at AS updatedAt, q.deleted_at AS deletedAt,
			 m.wrong_count AS m_wrong, m.right_days AS m_days, b.partial_credit
			 FROM mistakes m JOIN questions q ON q.id = m.question_id JOIN question_banks b ON b.id = q.bank_id
			 WHERE m.user_id = ? AND q.deleted_at IS NULL ORDER BY m.last_wrong_at DESC`
		)
	};
});

const toCard = (r: CardRow): ReviewCard => ({
	due: r.due,
	stability: r.stability,
	difficulty: r.difficulty,
	scheduledDays: r.scheduled_days,
	learningSteps: r.learning_steps,
	reps: r.reps,
	lapses: r.lapses,
	state: r.state,
	lastReview: r.last_review
});

export function practiceRepo(db: Db) {
	const s = statements(db);
	return {
		/** The version answered, with what decides who may answer it and how it is scored. */
		target(questionId: string, version: number): AnswerTarget | undefined {
			const r = s.target.get(questionId, version);
			return r && { content: JSON.parse(r.content) as QuestionContent, bankId: r.bank_id, purpose: r.purpose, ownerPath: r.path, partialCredit: r.partial_credit };
		},
		insertAnswer(a: { id: string; userId: string; questionId: string; version: number; mode: string; response: string[]; correct: boolean; score: number; ms: number | null; at: number; now: number }) {
			s.insertAnswer.run({ ...a, response: JSON.stringify(a.response), correct: a.correct ? 1 : 0 });
		},
		mistake(userId: string, questionId: string): MistakeState | null {
			const r = s.mistake.get(userId, questionId);
			return r ? { lastWrongAt: r.last_wrong_at, wrongCount: r.wrong_count, rightDays: JSON.parse(r.right_days) as string[] } : null;
		},
		putMistake(userId: string, questionId: string, entry: MistakeState | null, now: number) {
			if (entry) s.putMistake.run(userId, questionId, entry.lastWrongAt, entry.wrongCount, JSON.stringify(entry.rightDays), now);
			else s.dropMistake.run(userId, questionId);
		},
		card(userId: string, questionId: string): ReviewCard | null {
			const r = s.card.get(userId, questionId);
			return r ? toCard(r) : null;
		},
		putCard(userId: string, questionId: string, card: ReviewCard, now: number) {
			s.putCard.run({ userId, questionId, ...card, now });
		},
		async cards(userId: string): Promise<{ questionId: string; due: number }[]> {
			return s.dueCards.all(userId).map((r) => ({ questionId: r.question_id, due: r.due }));
		},
		/** Distinct questions the member answered right between two instants (a day, for the points). */
		rightOnDay: (userId: string, from: number, to: number): number => s.rightBetween.get(userId, from, to)?.n ?? 0,
		async answeredSince(userId: string, mode: string, since: number): Promise<number> {
			return s.answeredSince.get(userId, mode, since)?.n ?? 0;
		},
		async mistakes(userId: string): Promise<(StoredQuestion & { wrongCount: number; rightDays: number; partialCredit: number })[]> {
			return s.mistakeRows.all(userId).map((r) => ({
				...toStored(r),
				wrongCount: r.m_wrong,
				rightDays: (JSON.parse(r.m_days) as string[]).length,
				partialCredit: r.partial_credit
			}));
		}
	};
}
