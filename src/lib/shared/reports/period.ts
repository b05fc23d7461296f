import { beijingDay, endOfBeijingDay } from '../day';

/**
 * A reporting period in Beijing time: a whole year ("2026") or a half ("2026-H1" = January–June,
 * "2026-H2" = July–December). Learning records, half-year tracking and the annual evaluation use them.
 */
export interface Period {
	key: string;
	year: number;
	half: 1 | 2 | null;
	/** First and last Beijing day, YYYY-MM-DD. */
	fromDay: string;
	toDay: string;
	/** The same as instants: first and last millisecond. */
	from: number;
	to: number;
}

const OFFSET_MS = 8 * 60 * 60 * 1000;

export function periodOf(key: string): Period | null {
	const m = /^(\d{4})(?:-H([12]))?$/.exec(key);
	if (!m) return null;
	const year = Number(m[1]);
	if (year < 2000 || year > 2100) return null;
	const half = m[2] ? (Number(m[2]) as 1 | 2) : null;
	const fromDay = `${year}-${half === 2 ? '07' : '01'}-01`;
	const toDay = `${year}-${half === 1 ? '06-30' : '12-31'}`;
	return { key, year, half, fromDay, toDay, from: Date.parse(`${fromDay}T00:00:00Z`) - OFFSET_MS, to: endOfBeijingDay(toDay) };
}

/** The half-year holding `now` ("2026-H2"), or its whole year. */
export function currentPeriod(now: number, whole = false): Period {
	const day = beijingDay(now);
	const year = day.slice(0, 4);
	return periodOf(whole ? year : `${year}-H${Number(day.slice(5, 7)) <= 6 ? 1 : 2}`)!;
}

/** Periods to offer in a picker: this year's halves and whole year, then last year's, newest first. */
export function recentPeriods(now: number): Period[] {
	const year = Number(beijingDay(now).slice(0, 4));
	const keys: string[] = [];
	for (const y of [year, year - 1]) keys.push(`${y}`, `${y}-H2`, `${y}-H1`);
	const today = beijingDay(now);
	return keys.map((k) => periodOf(k)!).filter((p) => p.fromDay <= today);
}

/** A span of Beijing days for the dashboards: this week (Monday first), this month, the last weeks. */
export interface Span {
	fromDay: string;
	toDay: string;
	from: number;
	to: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const spanOf = (fromDay: string, toDay: string): Span => ({ fromDay, toDay, from: Date.parse(`${fromDay}T00:00:00Z`) - OFFSET_MS, to: endOfBeijingDay(toDay) });
const dayPlus = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The Beijing week (Monday to Sunday) holding `now`, `back` weeks earlier. */
export function weekSpan(now: number, back = 0): Span {
	const today = beijingDay(now);
	const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
	const monday = dayPlus(today, -weekday - 7 * back);
	return spanOf(monday, dayPlus(monday, 6));
}

/** The Beijing calendar month holding `now`. */
export function monthSpan(now: number): Span {
	const today = beijingDay(now);
	const first = `${today.slice(0, 8)}01`;
	const next = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 1)).toISOString().slice(0, 10);
	return spanOf(first, dayPlus(next, -1));
}
