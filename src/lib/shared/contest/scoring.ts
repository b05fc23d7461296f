/**
 * Points for one answer in a knowledge contest. Accuracy only is the default: fair when a retired
 * member on an old phone plays against a young clerk. Speed can be weighted in (a correct answer earns
 * 50–100 % by time) or capped (full points inside the first N seconds, then down to 50 % at the limit).
 * A streak bonus adds a fixed amount per answer in a row beyond the first, up to a cap.
 */
export type ScoringMode = 'accuracy' | 'speed' | 'capped';

export interface Scoring {
	mode: ScoringMode;
	/** Points for a correct answer (before speed and streak). */
	points: number;
	/** For `capped`: seconds of full points. */
	fullSeconds?: number;
	/** Bonus per correct answer in a row after the first, and its cap; off when absent. */
	streak?: { per: number; cap: number };
}

export const DEFAULT_SCORING: Scoring = { mode: 'accuracy', points: 10 };

/** `elapsedMs`: from answers opening to the answer's arrival (server clock); `limitMs`: the question's time. */
export function basePoints(s: Scoring, correct: boolean, elapsedMs: number, limitMs: number): number {
	if (!correct) return 0;
	const t = Math.min(1, Math.max(0, elapsedMs / limitMs));
	if (s.mode === 'speed') return Math.round(s.points * (1 - 0.5 * t));
	if (s.mode === 'capped') {
		const full = Math.min(limitMs, (s.fullSeconds ?? 5) * 1000);
		if (elapsedMs <= full) return s.points;
		return Math.round(s.points * (1 - (0.5 * (elapsedMs - full)) / Math.max(1, limitMs - full)));
	}
	return s.points;
}

/** The streak bonus for a correct answer that makes a run of `streak` (1 = the first in a row). */
export function streakBonus(s: Scoring, streak: number): number {
	if (!s.streak || streak < 2) return 0;
	return Math.min(s.streak.cap, s.streak.per * (streak - 1));
}

/** 风险题: the stake is won or lost whole; speed does not count. */
export const STAKES = [10, 20, 30] as const;
export type Stake = (typeof STAKES)[number];
export const stakePoints = (stake: Stake, correct: boolean) => (correct ? stake : -stake);

/** Team score from its members' scores: the sum, or the average (rounded to one decimal) for teams of unequal size. */
export function teamScore(memberScores: number[], how: 'sum' | 'average'): number {
	if (!memberScores.length) return 0;
	const sum = memberScores.reduce((a, b) => a + b, 0);
	return how === 'sum' ? sum : Math.round((sum / memberScores.length) * 10) / 10;
}
