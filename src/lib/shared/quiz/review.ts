import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import { endOfBeijingDay, beijingDay } from '../day';

/**
 * 每日练习 with spaced review: one FSRS card per member × question. Wrong → Again, right → Good,
 * right within FAST_MS → Easy. Intervals are whole days (no same-day learning steps: a member does
 * the daily set once a day) and not fuzzed, so the schedule can be checked in tests.
 */
export interface ReviewCard {
	due: number;
	stability: number;
	difficulty: number;
	scheduledDays: number;
	learningSteps: number;
	reps: number;
	lapses: number;
	/** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
	state: number;
	lastReview: number | null;
}

export const FAST_MS = 8_000;
export { DEFAULT_DAILY_CAP } from './practice-schemas';

const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false });

export function ratingFor(correct: boolean, ms: number | null): Grade {
	if (!correct) return Rating.Again;
	return ms !== null && ms > 0 && ms <= FAST_MS ? Rating.Easy : Rating.Good;
}

const toCard = (c: ReviewCard): Card => ({
	due: new Date(c.due),
	stability: c.stability,
	difficulty: c.difficulty,
	elapsed_days: 0,
	scheduled_days: c.scheduledDays,
	learning_steps: c.learningSteps,
	reps: c.reps,
	lapses: c.lapses,
	state: c.state,
	last_review: c.lastReview === null ? undefined : new Date(c.lastReview)
});

const fromCard = (c: Card): ReviewCard => ({
	due: c.due.getTime(),
	stability: c.stability,
	difficulty: c.difficulty,
	scheduledDays: c.scheduled_days,
	learningSteps: c.learning_steps,
	reps: c.reps,
	lapses: c.lapses,
	state: c.state,
	lastReview: c.last_review ? c.last_review.getTime() : null
});

export function newReviewCard(now: number): ReviewCard {
	return fromCard(createEmptyCard(new Date(now)));
}

/** The card after one answer. An answer synced late (older than the last review) counts at the last review's time. */
export function reviewCard(card: ReviewCard | null, correct: boolean, ms: number | null, at: number): ReviewCard {
	const current = card ?? newReviewCard(at);
	const when = Math.max(at, current.lastReview ?? 0);
	return fromCard(scheduler.next(toCard(current), new Date(when), ratingFor(correct, ms)).card);
}

/**
 * Today's set: cards due by the end of today (Beijing), most overdue first, then questions never
 * seen, in the order given; at most `cap` in all.
 */
export function pickDaily(cards: { questionId: string; due: number }[], unseen: string[], now: number, cap: number): string[] {
	const endOfToday = endOfBeijingDay(beijingDay(now));
	const due = cards
		.filter((c) => c.due <= endOfToday)
		.sort((a, b) => a.due - b.due)
		.map((c) => c.questionId);
	const seen = new Set(cards.map((c) => c.questionId));
	return [...due, ...unseen.filter((id) => !seen.has(id))].slice(0, Math.max(0, cap));
}
