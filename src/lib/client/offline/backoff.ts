/** Exponential backoff with full jitter: phones of a whole branch coming back online do not retry in step. */
export function backoffDelay(attempt: number, random: () => number = Math.random, baseMs = 1000, maxMs = 5 * 60 * 1000): number {
	const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 20));
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** `Retry-After` in seconds or as an HTTP date, in ms from now; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
	if (!header) return null;
	const seconds = Number(header);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(header);
	return Number.isNaN(date) ? null : Math.max(0, date - now);
}
