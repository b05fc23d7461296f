import { describe, expect, it } from 'vitest';
import { beijingDay, endOfBeijingDay, formatBeijingLocal, parseBeijingLocal, startOfBeijingDay } from './day';

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

describe('Beijing datetime-local', () => {
	it('reads and writes form values in Beijing time', () => {
		expect(parseBeijingLocal('2026-11-28T09:30')).toBe(Date.parse('2026-11-28T01:30:00Z'));
		expect(formatBeijingLocal(Date.parse('2026-11-28T01:30:00Z'))).toBe('2026-11-28T09:30');
		expect(parseBeijingLocal('2026-11-28 09:30')).toBeNull();
	});
});
