import { describe, expect, it } from 'vitest';
import { beijingDay, endOfBeijingDay, startOfBeijingDay } from './day';

describe('Beijing days', () => {
	it('turns over at 16:00 UTC, not at UTC midnight', () => {
		expect(beijingDay(Date.parse('2026-11-28T15:59:59.999Z'))).toBe('2026-11-28');
		expect(beijingDay(Date.parse('2026-11-28T16:00:00Z'))).toBe('2026-11-29');
		expect(startOfBeijingDay(Date.parse('2026-11-28T20:00:00Z'))).toBe(Date.parse('2026-11-28T16:00:00Z'));
	});

	it('ends a valid-until day at Beijing midnight', () => {
		expect(endOfBeijingDay('2026-12-31')).toBe(Date.parse('2026-12-31T16:00:00Z') - 1);
		expect(beijingDay(endOfBeijingDay('2026-12-31'))).toBe('2026-12-31');
	});
});
