/**
 * Compliance periods for 三会一课, in Beijing time (Asia/Shanghai, UTC+8, no daylight saving): a branch
 * must hold each kind of meeting once per month, quarter, half-year or year. Periods are calendar ones:
 * a meeting on 31 March at 23:30 in Beijing counts for Q1 even though it is 15:30 UTC.
 */
export type Cadence = 'month' | 'quarter' | 'half' | 'year';

export const MEETING_TYPES = ['assembly', 'committee', 'group', 'lecture', 'theme_day', 'study', 'other'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

/** The defaults the organisation admin can change: 支部党员大会 and 党课 quarterly, 支委会 and 党小组会 monthly. */
export const DEFAULT_CADENCE: Partial<Record<MeetingType, Cadence>> = { assembly: 'quarter', committee: 'month', group: 'month', lecture: 'quarter' };

const OFFSET_MS = 8 * 60 * 60 * 1000;
const MONTHS: Record<Cadence, number> = { month: 1, quarter: 3, half: 6, year: 12 };

export interface Period {
	/** 2026-11, 2026-Q4, 2026-H2 or 2026. */
	key: string;
	/** First and last millisecond (UTC instants of the Beijing boundaries). */
	from: number;
	to: number;
}

const beijingMidnight = (year: number, month0: number) => Date.UTC(year, month0, 1) - OFFSET_MS;

export function periodOf(ms: number, cadence: Cadence): Period {
	const d = new Date(ms + OFFSET_MS);
	const year = d.getUTCFullYear();
	const first = Math.floor(d.getUTCMonth() / MONTHS[cadence]) * MONTHS[cadence];
	const index = first / MONTHS[cadence] + 1;
	const key =
		cadence === 'month' ? `${year}-${String(first + 1).padStart(2, '0')}` : cadence === 'quarter' ? `${year}-Q${index}` : cadence === 'half' ? `${year}-H${index}` : `${year}`;
	return { key, from: beijingMidnight(year, first), to: beijingMidnight(year, first + MONTHS[cadence]) - 1 };
}

export interface PeriodStanding extends Period {
	held: number;
	/** Over and nothing held. */
	missed: boolean;
	/** Under way and nothing held yet. */
	due: boolean;
}

/**
 * Each period from the one holding `since` to the one holding `now`: how many meetings were held, and
 * whether it was missed (over, none held) or is still due. Newest first, so the overdue show on top.
 */
export function complianceOf(heldAt: number[], cadence: Cadence, since: number, now: number): PeriodStanding[] {
	const out: PeriodStanding[] = [];
	for (let p = periodOf(since, cadence); p.from <= now; p = periodOf(p.to + 1, cadence)) {
		const held = heldAt.filter((t) => t >= p.from && t <= p.to).length;
		const over = p.to < now;
		out.push({ ...p, held, missed: over && held === 0, due: !over && held === 0 });
	}
	return out.reverse();
}
