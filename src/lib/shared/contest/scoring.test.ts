import { describe, expect, it } from 'vitest';
import { basePoints, stakePoints, streakBonus, teamScore, type Scoring } from './scoring';

const accuracy: Scoring = { mode: 'accuracy', points: 10 };
const speed: Scoring = { mode: 'speed', points: 10 };
const capped: Scoring = { mode: 'capped', points: 10, fullSeconds: 5 };

describe('contest scoring', () => {
	it('accuracy only: the same points whenever the right answer comes, none for a wrong one', () => {
		expect(basePoints(accuracy, true, 100, 20_000)).toBe(10);
		expect(basePoints(accuracy, true, 19_900, 20_000)).toBe(10);
		expect(basePoints(accuracy, false, 100, 20_000)).toBe(0);
	});

	it('speed-weighted: from 100 % at once down to 50 % at the limit', () => {
		expect(basePoints(speed, true, 0, 20_000)).toBe(10);
		expect(basePoints(speed, true, 10_000, 20_000)).toBe(8);
		expect(basePoints(speed, true, 20_000, 20_000)).toBe(5);
		expect(basePoints(speed, true, 25_000, 20_000)).toBe(5);
		expect(basePoints(speed, false, 0, 20_000)).toBe(0);
	});

	it('capped speed: full points inside the first N seconds, then down to 50 %', () => {
		expect(basePoints(capped, true, 5_000, 20_000)).toBe(10);
		expect(basePoints(capped, true, 12_500, 20_000)).toBe(8);
		expect(basePoints(capped, true, 20_000, 20_000)).toBe(5);
	});

	it('streak bonus: per answer in a row after the first, up to its cap; off unless set', () => {
		const s: Scoring = { ...accuracy, streak: { per: 2, cap: 5 } };
		expect([1, 2, 3, 4, 5].map((n) => streakBonus(s, n))).toEqual([0, 2, 4, 5, 5]);
		expect(streakBonus(accuracy, 4)).toBe(0);
	});

	it('风险题 stakes and team totals', () => {
		expect(stakePoints(20, true)).toBe(20);
		expect(stakePoints(30, false)).toBe(-30);
		expect(teamScore([10, 20, 0], 'sum')).toBe(30);
		expect(teamScore([10, 20, 0], 'average')).toBe(10);
		expect(teamScore([10, 15], 'average')).toBe(12.5);
		expect(teamScore([], 'average')).toBe(0);
	});
});
