import { describe, expect, it } from 'vitest';
import { itemStatistics, needsRewrite, type GradedAttempt } from './item-stats';

// Four members, two questions of 1 point each plus a third worth 2. q1 separates the strong from the weak; q2 does the opposite.
const attempt = (q1: number, q2: number, q3: number, pick: string): GradedAttempt => ({
	total: q1 + q2 + q3,
	items: [
		{ questionId: 'q1', score: q1, maxScore: 1, response: [pick] },
		{ questionId: 'q2', score: q2, maxScore: 1, response: [] },
		{ questionId: 'q3', score: q3, maxScore: 2, response: [] }
	]
});
const data = [attempt(1, 0, 2, 'A'), attempt(1, 0, 2, 'A'), attempt(0, 1, 0, 'B'), attempt(0, 1, 0, 'C')];

describe('item statistics', () => {
	it('computes the facility index as the mean share of the marks', () => {
		const stats = new Map(itemStatistics(data).map((s) => [s.questionId, s]));
		expect(stats.get('q1')!.facility).toBe(0.5);
		expect(stats.get('q3')!.facility).toBe(4 / 8);
		expect(stats.get('q1')!.attempts).toBe(4);
	});

	it('computes the discrimination index against the rest of the paper', () => {
		const stats = new Map(itemStatistics(data).map((s) => [s.questionId, s]));
		// q1: scores 1,1,0,0 against rest 2,2,1,1 → perfectly correlated.
		expect(stats.get('q1')!.discrimination).toBeCloseTo(1, 5);
		// q2: scores 0,0,1,1 against rest 3,3,0,0 → perfectly opposed.
		expect(stats.get('q2')!.discrimination).toBeCloseTo(-1, 5);
	});

	it('counts how often each option was chosen, and gives no discrimination without spread', () => {
		const stats = itemStatistics([attempt(1, 0, 0, 'A'), attempt(1, 0, 2, 'A')]);
		expect(stats.find((s) => s.questionId === 'q1')).toMatchObject({ optionCounts: { A: 2 }, discrimination: null });
	});

	it('flags questions with 8 lapses, or facility under 0.2 over at least 20 answers', () => {
		expect(needsRewrite({ lapses: 8, answers: 3, facility: 0.9 })).toBe(true);
		expect(needsRewrite({ lapses: 0, answers: 20, facility: 0.15 })).toBe(true);
		expect(needsRewrite({ lapses: 0, answers: 19, facility: 0.1 })).toBe(false);
		expect(needsRewrite({ lapses: 7, answers: 40, facility: 0.5 })).toBe(false);
	});
});
