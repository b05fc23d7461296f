import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { audienceFromForm } from '../audience-form';
import { int } from '../schemas';
import { MEETING_TYPES } from './periods';

/** Check-in opens this long before the start and stays open until the meeting's end. */
export const CHECKIN_OPENS_BEFORE_MIN = 30;
/** At most this many meetings from one recurring schedule at a time: a year of weekly 集中学习, four years of monthly 党小组会. */
export const MAX_REPEAT = 52;
export const REPEATS = ['none', 'weekly', 'monthly'] as const;
export type Repeat = (typeof REPEATS)[number];

export const checkinWindow = (meeting: { startsAt: number; endsAt: number }) => ({
	from: meeting.startsAt - CHECKIN_OPENS_BEFORE_MIN * 60_000,
	to: meeting.endsAt
});

const text = (max: number, message: () => string) => v.pipe(v.string(), v.trim(), v.maxLength(max, message));

/** The meeting form, as typed (Beijing date and times). The audience is resolved by the service. */
export const meetingFormSchema = v.pipe(
	v.object({
		type: v.picklist(MEETING_TYPES, () => m.err_meeting_type()),
		title: v.pipe(v.string(), v.trim(), v.minLength(1, () => m.err_meeting_title()), v.maxLength(100, () => m.err_meeting_title())),
		date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, () => m.err_meeting_time())),
		startTime: v.pipe(v.string(), v.regex(/^\d{2}:\d{2}$/, () => m.err_meeting_time())),
		endTime: v.pipe(v.string(), v.regex(/^\d{2}:\d{2}$/, () => m.err_meeting_time())),
		place: text(100, () => m.err_meeting_text()),
		host: text(50, () => m.err_meeting_text()),
		agenda: text(5000, () => m.err_meeting_text()),
		graceMin: int(0, 60, () => m.err_meeting_grace()),
		repeat: v.picklist(REPEATS, () => m.err_meeting_repeat()),
		repeatCount: int(1, MAX_REPEAT, () => m.err_meeting_repeat())
	}),
	v.check((f) => f.startTime < f.endTime, () => m.err_meeting_end())
);
export type MeetingForm = v.InferOutput<typeof meetingFormSchema>;

const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A Beijing date and "HH:MM" as an instant. */
export const beijingInstant = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`);

/**
 * The dates of a recurring schedule, Beijing calendar: weekly on the same weekday, or monthly on the same
 * "n-th weekday" as the first date (the second Friday stays the second Friday). A fifth weekday that a
 * month lacks falls on that month's last one.
 */
export function repeatDates(first: string, repeat: Repeat, count: number): string[] {
	const start = Date.parse(`${first}T00:00:00Z`);
	if (repeat === 'none' || count <= 1) return [first];
	const out: string[] = [];
	if (repeat === 'weekly') {
		for (let i = 0; i < count; i++) out.push(new Date(start + i * 7 * DAY_MS).toISOString().slice(0, 10));
		return out;
	}
	const d = new Date(start);
	const weekday = d.getUTCDay();
	const nth = Math.floor((d.getUTCDate() - 1) / 7);
	for (let i = 0; i < count; i++) {
		const y = d.getUTCFullYear();
		const mo = d.getUTCMonth() + i;
		const firstOfMonth = new Date(Date.UTC(y, mo, 1));
		let day = 1 + ((weekday - firstOfMonth.getUTCDay() + 7) % 7) + nth * 7;
		const daysInMonth = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
		while (day > daysInMonth) day -= 7;
		out.push(new Date(Date.UTC(y, mo, day)).toISOString().slice(0, 10));
	}
	return out;
}

/** The Beijing date of an instant ("2026-11-28") and its time ("09:30"). */
export const beijingParts = (ms: number) => {
	const iso = new Date(ms + OFFSET_MS).toISOString();
	return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
};

const FORM_FIELDS = ['branchId', 'type', 'title', 'date', 'startTime', 'endTime', 'place', 'host', 'agenda', 'graceMin', 'repeat', 'repeatCount', 'makeupExamId', 'audienceCommittee'] as const;

/** The meeting form as the services take it (also handed back to the form when refused). */
export function meetingInputFromForm(form: FormData) {
	const text = Object.fromEntries(FORM_FIELDS.map((k) => [k, String(form.get(k) ?? '')])) as Record<(typeof FORM_FIELDS)[number], string>;
	return { ...text, materials: form.getAll('materials').map(String), ...audienceFromForm(form) };
}
