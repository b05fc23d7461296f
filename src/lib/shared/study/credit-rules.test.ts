import { describe, expect, it } from 'vitest';
import { creditFor, DAILY_CAP_MS, lessonCapMs, uncovered, type CreditState } from './credit-rules';

const T0 = 1_800_000_000_000;
const fresh: CreditState = { covered: [], dayMs: 0, lessonMs: 0 };
const cap = lessonCapMs(5);

describe('creditFor', () => {
	it('credits an honest span in full', () => {
		expect(creditFor({ fromAt: T0, toAt: T0 + 15_000, ms: 15_000 }, fresh, cap, T0 + 20_000)).toBe(15_000);
	});

	it('never credits more than the wall clock allows', () => {
		expect(creditFor({ fromAt: T0, toAt: T0 + 15_000, ms: 3_600_000 }, fresh, cap, T0 + 20_000)).toBe(15_000);
	});

	it('does not count the same minutes twice, from another lesson or device', () => {
		const state: CreditState = { ...fresh, covered: [[T0 - 5_000, T0 + 10_000]] };
		expect(creditFor({ fromAt: T0, toAt: T0 + 15_000, ms: 15_000 }, state, cap, T0 + 20_000)).toBe(5_000);
		expect(creditFor({ fromAt: T0, toAt: T0 + 8_000, ms: 8_000 }, state, cap, T0 + 20_000)).toBe(0);
	});

	it('credits an earlier span that arrives late in full, when nothing covers it', () => {
		const state: CreditState = { ...fresh, covered: [[T0 + 15_000, T0 + 30_000]] };
		expect(creditFor({ fromAt: T0, toAt: T0 + 15_000, ms: 15_000 }, state, cap, T0 + 60_000)).toBe(15_000);
	});

	it('measures the gaps between covered intervals', () => {
		expect(uncovered(0, 100, [])).toBe(100);
		expect(uncovered(0, 100, [[10, 20], [15, 30], [50, 60], [90, 200]])).toBe(10 + 20 + 30);
		expect(uncovered(0, 100, [[-50, 150]])).toBe(0);
		expect(uncovered(50, 40, [])).toBe(0);
	});

	it('ignores time claimed beyond the server clock', () => {
		expect(creditFor({ fromAt: T0, toAt: T0 + 60_000, ms: 60_000 }, fresh, cap, T0 + 30_000)).toBe(30_000);
	});

	it('stops at the lesson cap and the daily cap', () => {
		expect(cap).toBe(60 * 60_000);
		expect(lessonCapMs(30)).toBe(90 * 60_000);
		expect(creditFor({ fromAt: T0, toAt: T0 + 60_000, ms: 60_000 }, { ...fresh, lessonMs: cap - 1_000 }, cap, T0 + 60_000)).toBe(1_000);
		expect(creditFor({ fromAt: T0, toAt: T0 + 60_000, ms: 60_000 }, { ...fresh, dayMs: DAILY_CAP_MS - 2_000 }, cap, T0 + 60_000)).toBe(2_000);
		expect(creditFor({ fromAt: T0, toAt: T0 + 60_000, ms: 60_000 }, { ...fresh, dayMs: DAILY_CAP_MS }, cap, T0 + 60_000)).toBe(0);
	});
});
