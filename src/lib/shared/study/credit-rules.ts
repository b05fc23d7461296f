import type { ReadingSpan } from './reading-clock';

/**
 * What the server credits for one reading report. The device's count is believed only as far as the
 * wall clock allows: never more than the time that passed since the member's last credited moment (on
 * any lesson, from any device), never past the server's own clock, and within the caps per lesson and
 * per day. Duplicates never reach here: a replayed op is answered from the sync log.
 */
export const DAILY_CAP_MS = 4 * 60 * 60 * 1000;
/** A lesson credits at most three times its required time, and never less than an hour. */
export const LESSON_CAP_FACTOR = 3;
export const LESSON_CAP_FLOOR_MS = 60 * 60 * 1000;

export interface CreditState {
	/** The end of the member's last credited span (0 if none). */
	creditedUntil: number;
	/** Credited so far on the report's Beijing day, and on this lesson. */
	dayMs: number;
	lessonMs: number;
}

export function lessonCapMs(requiredMinutes: number): number {
	return Math.max(LESSON_CAP_FLOOR_MS, requiredMinutes * 60_000 * LESSON_CAP_FACTOR);
}

export function creditFor(span: ReadingSpan, state: CreditState, lessonCap: number, now: number): number {
	const to = Math.min(span.toAt, now);
	const from = Math.max(span.fromAt, state.creditedUntil);
	const wall = Math.max(0, to - from);
	return Math.max(0, Math.min(span.ms, wall, lessonCap - state.lessonMs, DAILY_CAP_MS - state.dayMs));
}
