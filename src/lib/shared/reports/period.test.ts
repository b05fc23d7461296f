import { describe, expect, it } from 'vitest';
import { currentPeriod, periodOf, recentPeriods } from './period';

describe('reporting periods', () => {
	it('run from Beijing midnight to Beijing midnight', () => {
		const h1 = periodOf('2026-H1')!;
		expect([h1.fromDay, h1.toDay]).toEqual(['2026-01-01', '2026-06-30']);
		expect(new Date(h1.from).toISOString()).toBe('2025-12-31T16:00:00.000Z');
		expect(new Date(h1.to).toISOString()).toBe('2026-06-30T15:59:59.999Z');
		const year = periodOf('2026')!;
		expect([year.fromDay, year.toDay, year.half]).toEqual(['2026-01-01', '2026-12-31', null]);
	});

	it('refuse anything else', () => {
		for (const bad of ['2026-H3', '26', '2026-1', '', '1999', '2026H1']) expect(periodOf(bad)).toBeNull();
	});

	it('know which half an instant is in, by the Beijing calendar', () => {
		// 30 June 2026, 23:30 in Beijing is still H1; half an hour later it is H2.
		expect(currentPeriod(Date.parse('2026-06-30T15:30:00Z')).key).toBe('2026-H1');
		expect(currentPeriod(Date.parse('2026-06-30T16:00:00Z')).key).toBe('2026-H2');
		expect(currentPeriod(Date.parse('2026-12-31T16:30:00Z'), true).key).toBe('2027');
	});

	it('offer only periods that have begun', () => {
		expect(recentPeriods(Date.parse('2026-03-01T00:00:00Z')).map((p) => p.key)).toEqual(['2026', '2026-H1', '2025', '2025-H2', '2025-H1']);
	});
});
