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
