/**
 * 学习积分: what each kind of learning earns and how much of it counts per day. Points reward learning,
 * never app use: opening the app, browsing or signing in earn nothing. Every rule has a daily cap, and
 * days follow Beijing time (shared/day.ts).
 */
/** Where the admin's rules are kept (app_settings). */
export const POINT_RULES_KEY = 'points.rules';

export const POINT_RULES = ['study', 'practice', 'reflection', 'exam', 'contest', 'meeting', 'makeup'] as const;
export type PointRule = (typeof POINT_RULES)[number];

export interface PointRules {
	/** 1 point for every `minutes` of effective study (reading credit) in a day. */
	study: { minutes: number; cap: number };
	/** 1 point for every `correct` practice questions answered right in a day (each question once a day). */
	practice: { correct: number; cap: number };
	/** A reflection graded 优秀 or 良好 (合格 and 需改进 earn nothing). */
	reflection: { excellent: number; good: number; cap: number };
	/** An exam passed, by score band: at least 90 %, at least 80 %, or passed. The first passing result counts. */
	exam: { top: number; high: number; pass: number; cap: number };
	/** Taking part in a contest (one answer at least), plus a bonus for the top three. */
	contest: { taken: number; first: number; second: number; third: number; cap: number };
	/** Checked in (present or late) at a 三会一课 meeting. */
	meeting: { points: number; cap: number };
	/** 补学 of a missed meeting completed. */
	makeup: { points: number; cap: number };
}

export const DEFAULT_POINT_RULES: PointRules = {
	study: { minutes: 5, cap: 6 },
	practice: { correct: 1, cap: 5 },
	reflection: { excellent: 5, good: 3, cap: 10 },
	exam: { top: 10, high: 8, pass: 5, cap: 20 },
	contest: { taken: 2, first: 6, second: 4, third: 2, cap: 10 },
	meeting: { points: 3, cap: 6 },
	makeup: { points: 2, cap: 4 }
};

/** Bounds for every number the admin may set (the form and the server check the same table). */
export const RULE_LIMITS: { [R in PointRule]: { [K in keyof PointRules[R]]: [number, number] } } = {
	study: { minutes: [1, 120], cap: [0, 100] },
	practice: { correct: [1, 50], cap: [0, 100] },
	reflection: { excellent: [0, 50], good: [0, 50], cap: [0, 100] },
	exam: { top: [0, 100], high: [0, 100], pass: [0, 100], cap: [0, 200] },
	contest: { taken: [0, 50], first: [0, 100], second: [0, 100], third: [0, 100], cap: [0, 200] },
	meeting: { points: [0, 50], cap: [0, 100] },
	makeup: { points: [0, 50], cap: [0, 100] }
};

/** Stored rules merged over the defaults, so a rule added later starts from its default. */
export function withDefaults(stored: Partial<{ [R in PointRule]: Partial<PointRules[R]> }> | null | undefined): PointRules {
	const out = structuredClone(DEFAULT_POINT_RULES);
	for (const rule of POINT_RULES) {
		const s = stored?.[rule] as Record<string, unknown> | undefined;
		if (!s) continue;
		const target = out[rule] as unknown as Record<string, number>;
		for (const key of Object.keys(target)) if (typeof s[key] === 'number') target[key] = s[key] as number;
	}
	return out;
}

/** What may still be granted today: the points asked, cut to what the cap leaves. */
export function grantWithinCap(asked: number, earnedToday: number, cap: number): number {
	return Math.max(0, Math.min(asked, cap - earnedToday));
}

/** Points a day's running total of units (minutes studied, questions right) is worth, before the cap. */
export function unitsWorth(total: number, perPoint: number): number {
	return perPoint > 0 ? Math.floor(total / perPoint) : 0;
}

/** An exam result's points by band; nothing below the pass mark. */
export function examPoints(rules: PointRules['exam'], score: number, maxScore: number, passPercent: number): number {
	if (maxScore <= 0) return 0;
	const percent = (score / maxScore) * 100;
	if (percent < passPercent) return 0;
	if (percent >= 90) return rules.top;
	if (percent >= 80) return rules.high;
	return rules.pass;
}

/** A contest's points for a member who answered at least once, by final rank (1 = first). */
export function contestPoints(rules: PointRules['contest'], rank: number): number {
	const bonus = rank === 1 ? rules.first : rank === 2 ? rules.second : rank === 3 ? rules.third : 0;
	return rules.taken + bonus;
}

export function reflectionPoints(rules: PointRules['reflection'], grade: string | null): number {
	return grade === 'excellent' ? rules.excellent : grade === 'good' ? rules.good : 0;
}
