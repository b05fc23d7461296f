import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { beijingInstant, beijingParts, meetingFormSchema, repeatDates } from './meeting-form';
import { parseCheckinUrl, checkinUrl } from './checkin-schemas';

describe('recurring meetings', () => {
	it('monthly keeps the n-th weekday: the second Friday of each month', () => {
		// 2026-11-13 is the second Friday of November.
		expect(repeatDates('2026-11-13', 'monthly', 4)).toEqual(['2026-11-13', '2026-12-11', '2027-01-08', '2027-02-12']);
	});

	it('a fifth weekday a month lacks falls on its last one', () => {
		// 2026-10-30 is the fifth Friday of October; November has four Fridays.
		expect(repeatDates('2026-10-30', 'monthly', 3)).toEqual(['2026-10-30', '2026-11-27', '2026-12-25']);
	});

	it('a weekly series may run a whole year (52 meetings), not longer', () => {
		const form = { type: 'study', title: '集中学习', date: '2027-01-05', startTime: '15:00', endTime: '16:30', place: '', host: '', agenda: '', graceMin: '5', repeat: 'weekly' };
		const year = v.safeParse(meetingFormSchema, { ...form, repeatCount: '52' });
		expect(year.success && repeatDates(year.output.date, 'weekly', year.output.repeatCount).at(-1)).toBe('2027-12-28');
		expect(v.safeParse(meetingFormSchema, { ...form, repeatCount: '53' }).issues?.[0].message).toBe('重复次数须为 1–52 次');
	});

	it('weekly steps seven days across a month and a year end', () => {
		expect(repeatDates('2026-12-24', 'weekly', 3)).toEqual(['2026-12-24', '2026-12-31', '2027-01-07']);
		expect(repeatDates('2026-12-24', 'none', 5)).toEqual(['2026-12-24']);
	});

	it('times are Beijing times', () => {
		const at = beijingInstant('2026-12-01', '07:30');
		expect(new Date(at).toISOString()).toBe('2026-11-30T23:30:00.000Z');
		expect(beijingParts(at)).toEqual({ date: '2026-12-01', time: '07:30' });
	});
});

describe('check-in URLs', () => {
	const id = '01937a4e-8c2b-7d3e-9f00-0123456789ab';
	it('read back what the projector draws, from any host', () => {
		const url = checkinUrl('http://192.168.1.20:3000', id, 123456, 'AbCdEfGh_-123456');
		expect(parseCheckinUrl(url)).toEqual({ meetingId: id, slot: 123456, token: 'AbCdEfGh_-123456' });
	});
	it('refuse anything else', () => {
		expect(parseCheckinUrl('https://example.com/')).toBeNull();
		expect(parseCheckinUrl('not a url')).toBeNull();
		expect(parseCheckinUrl(`http://x/k/${id}?s=-1&t=AbCdEfGh_-123456`)).toBeNull();
		expect(parseCheckinUrl(`http://x/k/${id}?s=1&t=short`)).toBeNull();
	});
});
