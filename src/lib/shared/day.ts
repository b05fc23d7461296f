/** Days follow Beijing time (UTC+8, no daylight saving) wherever the server or the phone is. */
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The Beijing calendar day of an instant, as YYYY-MM-DD. */
export function beijingDay(ms: number): string {
	return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/** The first millisecond of the Beijing day holding `ms`. */
export function startOfBeijingDay(ms: number): number {
	return Math.floor((ms + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS;
}

/** The last millisecond of a Beijing day given as YYYY-MM-DD. */
export function endOfBeijingDay(day: string): number {
	return Date.parse(`${day}T00:00:00Z`) - OFFSET_MS + DAY_MS - 1;
}

/** A `datetime-local` value typed in Beijing time ("2026-11-28T09:30") as an instant, or null. */
export function parseBeijingLocal(s: string): number | null {
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s)) return null;
	const ms = Date.parse(`${s}:00+08:00`);
	return Number.isNaN(ms) ? null : ms;
}

/** An instant as a Beijing `datetime-local` value. */
export function formatBeijingLocal(ms: number): string {
	return new Date(ms + OFFSET_MS).toISOString().slice(0, 16);
}
