import { describe, expect, it } from 'vitest';
import { complianceOf, periodOf } from './periods';

// 2026-03-31 23:30 in Beijing is 15:30 UTC; 2026-04-01 00:00 in Beijing is 2026-03-31 16:00 UTC.
const LAST_OF_Q1 = Date.UTC(2026, 2, 31, 15, 30);
const FIRST_OF_Q2 = Date.UTC(2026, 2, 31, 16, 0);

describe('compliance periods in Beijing time', () => {
	it('months and quarters turn at Beijing midnight, not UTC midnight', () => {
		expect(periodOf(LAST_OF_Q1, 'month').key).toBe('2026-03');
		expect(periodOf(FIRST_OF_Q2, 'month').key).toBe('2026-04');
		expect(periodOf(FIRST_OF_Q2 - 1, 'quarter').key).toBe('2026-Q1');
		expect(periodOf(FIRST_OF_Q2, 'quarter')).toEqual({ key: '2026-Q2', from: FIRST_OF_Q2, to: Date.UTC(2026, 5, 30, 16, 0) - 1 });
		expect(periodOf(Date.UTC(2026, 11, 31, 16, 0), 'year').key).toBe('2027');
		expect(periodOf(Date.UTC(2026, 5, 30, 16, 0), 'half').key).toBe('2026-H2');
	});

	it('a period over with nothing held is missed; the current one with nothing yet is due; newest first', () => {
		const since = Date.UTC(2026, 0, 10);
		const now = Date.UTC(2026, 7, 15); // August: Q3 under way
		const standing = complianceOf([LAST_OF_Q1, Date.UTC(2026, 4, 2)], 'quarter', since, now);
		expect(standing.map((p) => [p.key, p.held, p.missed, p.due])).toEqual([
			['2026-Q3', 0, false, true],
			['2026-Q2', 1, false, false],
			['2026-Q1', 1, false, false]
		]);
		const months = complianceOf([FIRST_OF_Q2], 'month', Date.UTC(2026, 1, 1), Date.UTC(2026, 4, 1));
		expect(months.filter((p) => p.missed).map((p) => p.key)).toEqual(['2026-03', '2026-02']);
		expect(months.find((p) => p.key === '2026-04')?.held).toBe(1);
	});
});
