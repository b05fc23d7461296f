import type { ReadingSpan } from './reading-clock';

/**
 * What the server credits for one reading report. The device's count is believed only as far as the
 * wall clock allows: never more than the part of its span that no earlier credited span of the member
 * covers (on any lesson, from any device, whatever order the reports arrive in), never past the
 * server's own clock, and within the caps per lesson and per day. Duplicates never reach here: a
 * replayed op is answered from the sync log.
 */
export const DAILY_CAP_MS = 4 * 60 * 60 * 1000;
/** A lesson credits at most three times its required time, and never less than an hour. */
export const LESSON_CAP_FACTOR = 3;
export const LESSON_CAP_FLOOR_MS = 60 * 60 * 1000;

export interface CreditState {
	/** The member's spans already credited that overlap this one, as [from, to]. */
	covered: [number, number][];
	/** Credited so far on the report's Beijing day, and on this lesson. */
	dayMs: number;
	lessonMs: number;
}

export function lessonCapMs(requiredMinutes: number): number {
	return Math.max(LESSON_CAP_FLOOR_MS, requiredMinutes * 60_000 * LESSON_CAP_FACTOR);
}

export function creditFor(span: ReadingSpan, state: CreditState, lessonCap: number, now: number): number {
	const wall = uncovered(span.fromAt, Math.min(span.toAt, now), state.covered);
	return Math.max(0, Math.min(span.ms, wall, lessonCap - state.lessonMs, DAILY_CAP_MS - state.dayMs));
}

/** How much of [from, to] lies outside every interval in `covered`. */
export function uncovered(from: number, to: number, covered: [number, number][]): number {
	let free = 0;
	let cursor = from;
	for (const [a, b] of [...covered].sort((x, y) => x[0] - y[0])) {
		if (b <= cursor) continue;
		if (a >= to) break;
		if (a > cursor) free += a - cursor;
		cursor = Math.max(cursor, b);
		if (cursor >= to) break;
	}
	return free + Math.max(0, to - cursor);
}
