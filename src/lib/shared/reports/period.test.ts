import { describe, expect, it } from 'vitest';
import { currentPeriod, monthSpan, periodOf, recentPeriods, weekSpan } from './period';

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

describe('dashboard spans', () => {
	it('run weeks Monday to Sunday in Beijing', () => {
		// Sunday 29 November 2026, 23:30 in Beijing (15:30 UTC).
		const sunday = Date.parse('2026-11-29T15:30:00Z');
		expect([weekSpan(sunday).fromDay, weekSpan(sunday).toDay]).toEqual(['2026-11-23', '2026-11-29']);
		// Half an hour later it is Monday: a new week.
		expect(weekSpan(sunday + 30 * 60_000).fromDay).toBe('2026-11-30');
		expect(weekSpan(sunday, 2).fromDay).toBe('2026-11-09');
	});

	it('run months from the first to the last day', () => {
		expect(monthSpan(Date.parse('2026-02-10T00:00:00Z'))).toMatchObject({ fromDay: '2026-02-01', toDay: '2026-02-28' });
		expect(monthSpan(Date.parse('2026-12-31T17:00:00Z'))).toMatchObject({ fromDay: '2027-01-01', toDay: '2027-01-31' });
	});
});
