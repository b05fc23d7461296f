import { describe, expect, it } from 'vitest';
import { Rating } from 'ts-fsrs';
import { newReviewCard, pickDaily, ratingFor, reviewCard } from './review';

const DAY = 24 * 60 * 60 * 1000;
const t0 = Date.parse('2026-11-02T02:00:00Z');

describe('FSRS wrapper', () => {
	it('rates wrong as Again, right as Good and right-and-fast as Easy', () => {
		expect(ratingFor(false, 1000)).toBe(Rating.Again);
		expect(ratingFor(true, 20_000)).toBe(Rating.Good);
		expect(ratingFor(true, 3000)).toBe(Rating.Easy);
		expect(ratingFor(true, null)).toBe(Rating.Good);
	});

	it('brings a wrong answer back sooner than a right one, and an easy one latest', () => {
		const wrong = reviewCard(null, false, 5000, t0);
		const right = reviewCard(null, true, 20_000, t0);
		const easy = reviewCard(null, true, 2000, t0);
		expect(wrong.due).toBeLessThan(right.due);
		expect(right.due).toBeLessThan(easy.due);
		expect(right.due - t0).toBeGreaterThanOrEqual(DAY);
		expect(right.reps).toBe(1);
	});

	it('counts a lapse when a learned question is forgotten, and spaces reviews further each time', () => {
		let c = reviewCard(null, true, 20_000, t0);
		const first = c.due - t0;
		c = reviewCard(c, true, 20_000, c.due);
		expect(c.due - c.lastReview!).toBeGreaterThan(first);
		c = reviewCard(c, false, 20_000, c.due);
		expect(c.lapses).toBe(1);
	});

	it('treats an answer older than the last review as made at the last review', () => {
		const c = reviewCard(null, true, 20_000, t0);
		const late = reviewCard(c, true, 20_000, t0 - DAY);
		expect(late.lastReview).toBe(t0);
	});

	it('starts new cards as never reviewed', () => {
		expect(newReviewCard(t0)).toMatchObject({ reps: 0, lapses: 0, state: 0, lastReview: null });
	});
});

describe('the daily set', () => {
	const now = Date.parse('2026-11-10T02:00:00Z'); // 10:00 Beijing
	it('serves due cards first, most overdue first, then unseen questions, up to the cap', () => {
		const cards = [
			{ questionId: 'later', due: now + 5 * DAY },
			{ questionId: 'tonight', due: Date.parse('2026-11-10T15:00:00Z') },
			{ questionId: 'overdue', due: now - 3 * DAY }
		];
		expect(pickDaily(cards, ['n1', 'overdue', 'n2', 'n3'], now, 4)).toEqual(['overdue', 'tonight', 'n1', 'n2']);
		expect(pickDaily(cards, ['n1'], now, 1)).toEqual(['overdue']);
		expect(pickDaily([], [], now, 10)).toEqual([]);
	});
});
