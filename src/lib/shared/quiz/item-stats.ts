/**
 * Item analysis as Moodle's quiz statistics define it, over the graded attempts that held the item:
 * - facility index: the mean score on the item as a share of its maximum (1 = everyone right);
 * - discrimination index: the Pearson correlation between the score on the item and the score on the
 *   rest of the paper (the attempt's total less this item); null below two attempts or with no spread.
 * Choice questions also get how often each option was picked.
 */
export interface ItemResult {
	questionId: string;
	score: number;
	maxScore: number;
	response: string[];
}

export interface GradedAttempt {
	total: number;
	items: ItemResult[];
}

export interface ItemStats {
	questionId: string;
	attempts: number;
	facility: number | null;
	discrimination: number | null;
	optionCounts: Record<string, number>;
}

function pearson(xs: number[], ys: number[]): number | null {
	const n = xs.length;
	if (n < 2) return null;
	const mx = xs.reduce((a, b) => a + b, 0) / n;
	const my = ys.reduce((a, b) => a + b, 0) / n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		sxy += (xs[i] - mx) * (ys[i] - my);
		sxx += (xs[i] - mx) ** 2;
		syy += (ys[i] - my) ** 2;
	}
	return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

export function itemStatistics(attempts: GradedAttempt[]): ItemStats[] {
	const byQuestion = new Map<string, { item: ItemResult; rest: number }[]>();
	for (const a of attempts) {
		for (const item of a.items) {
			const list = byQuestion.get(item.questionId) ?? [];
			list.push({ item, rest: a.total - item.score });
			byQuestion.set(item.questionId, list);
		}
	}
	return [...byQuestion.entries()].map(([questionId, rows]) => {
		const optionCounts: Record<string, number> = {};
		for (const { item } of rows) for (const key of item.response) optionCounts[key] = (optionCounts[key] ?? 0) + 1;
		const max = rows.reduce((n, r) => n + r.item.maxScore, 0);
		return {
			questionId,
			attempts: rows.length,
			facility: max > 0 ? rows.reduce((n, r) => n + r.item.score, 0) / max : null,
			discrimination: pearson(
				rows.map((r) => r.item.score),
				rows.map((r) => r.rest)
			),
			optionCounts
		};
	});
}

/** A question members keep failing: flagged for the admin to rewrite (never removed on its own). */
export const STRUGGLE_LAPSES = 8;
export const STRUGGLE_FACILITY = 0.2;
export const STRUGGLE_MIN_ANSWERS = 20;

export function needsRewrite(s: { lapses: number; answers: number; facility: number | null }): boolean {
	return s.lapses >= STRUGGLE_LAPSES || (s.answers >= STRUGGLE_MIN_ANSWERS && s.facility !== null && s.facility < STRUGGLE_FACILITY);
}
