import { describe, expect, it } from 'vitest';
import { attendanceStatus, DEFAULT_GRACE_MIN, owesMakeUp, type AttendanceFacts } from './attendance';

const START = Date.UTC(2026, 10, 28, 1, 0);
const facts = (over: Partial<AttendanceFacts>): AttendanceFacts => ({ startsAt: START, graceMin: DEFAULT_GRACE_MIN, checkedInAt: null, leave: null, mark: null, ...over });

describe('attendance status', () => {
	it('present up to the grace period after the start, late after it', () => {
		expect(attendanceStatus(facts({ checkedInAt: START - 600_000 }))).toBe('present');
		expect(attendanceStatus(facts({ checkedInAt: START + 5 * 60_000 }))).toBe('present');
		expect(attendanceStatus(facts({ checkedInAt: START + 5 * 60_000 + 1 }))).toBe('late');
		expect(attendanceStatus(facts({ checkedInAt: START + 60_000, graceMin: 0 }))).toBe('late');
	});

	it('without a check-in: excused with approved leave, otherwise absent (a pending or declined request does not excuse)', () => {
		expect(attendanceStatus(facts({ leave: 'approved' }))).toBe('excused');
		expect(attendanceStatus(facts({ leave: 'pending' }))).toBe('absent');
		expect(attendanceStatus(facts({ leave: 'declined' }))).toBe('absent');
		expect(attendanceStatus(facts({}))).toBe('absent');
		// Came after all: the scan counts over the leave.
		expect(attendanceStatus(facts({ leave: 'approved', checkedInAt: START }))).toBe('present');
	});

	it('the secretary’s hand mark has the last word', () => {
		expect(attendanceStatus(facts({ mark: { status: 'excused', reason: 'frail' } }))).toBe('excused');
		expect(attendanceStatus(facts({ checkedInAt: START + 3_600_000, mark: { status: 'present', reason: null } }))).toBe('present');
	});

	it('absent and excused members owe a 补学; those who came do not', () => {
		expect((['present', 'late', 'excused', 'absent'] as const).map(owesMakeUp)).toEqual([false, false, true, true]);
	});
});
