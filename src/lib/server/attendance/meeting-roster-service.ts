import * as v from 'valibot';
import type { Db } from '../db/client';
import { recordAudit } from '../audit/audit-service';
import { awards } from '../points/awards';
import { sendNotices } from '../notices/service';
import { audienceMembers, type Audience } from '../people/audience';
import { peopleRepo } from '../people/repo';
import { findPersonByPhone } from '../people/service';
import type { Outcome } from '../quiz/bank-service';
import { examRepo } from '../quiz/exam-repo';
import { renderMarkdown } from '../markdown';
import { toXlsx } from '../xlsx';
import { laterInSeries, meetingToManage } from './meeting-admin-service';
import { meetingRepo, type MeetingRow } from './meeting-repo';
import { attachmentsOf, photosOf } from './meeting-files-service';
import { m } from '$lib/paraglide/messages';
import { attendanceStatus, owesMakeUp, STATUS_ORDER, type AttendanceStatus, type MarkReason } from '$lib/shared/checkin/attendance';
import { markSchema } from '$lib/shared/checkin/checkin-schemas';
import { reasonLabel, statusLabel } from '$lib/shared/checkin/labels';
import { dateTime } from '$lib/shared/format-time';
import type { Actor } from '$lib/shared/roles';
import { firstIssue, normalisePhone } from '$lib/shared/schemas';

export interface RosterRow {
	userId: string;
	name: string;
	phone: string;
	groupId: string | null;
	checkedInAt: number | null;
	via: string | null;
	leave: { reason: string; status: 'pending' | 'approved' | 'declined' } | null;
	mark: { status: AttendanceStatus; reason: MarkReason | null; note: string } | null;
	status: AttendanceStatus;
	makeupAt: number | null;
}



const audienceOf = (meeting: Pick<MeetingRow, 'audience'>): Audience => JSON.parse(meeting.audience);

/**
 * Everyone on the meeting's list with the one status rule of shared/checkin/attendance.ts, so the
 * roster, the minutes, the export and the 补学 list never disagree. Anyone who checked in counts even if
 * later taken off the list: a record is never dropped. Names in 拼音 order, as a sign-in sheet lists them.
 */
export async function rosterOf(db: Db, meeting: MeetingRow): Promise<RosterRow[]> {
	const repo = meetingRepo(db);
	const people = await audienceMembers(db, audienceOf(meeting));
	const checkins = new Map(repo.checkins(meeting.id).map((c) => [c.userId, c]));
	const leaves = new Map(repo.leaves(meeting.id).map((l) => [l.userId, l]));
	const marks = new Map(repo.marks(meeting.id).map((k) => [k.userId, k]));
	const makeups = new Map(repo.makeups(meeting.id).map((k) => [k.userId, k.doneAt]));
	const extra = [...checkins.keys()].filter((id) => !people.some((p) => p.id === id));
	const others = extra.length ? await peopleRepo(db).usersByIds(extra) : [];
	const byName = new Intl.Collator('zh-CN');
	return [...people, ...others].sort((a, b) => byName.compare(a.name, b.name)).map((p) => {
		const c = checkins.get(p.id) ?? null;
		const l = leaves.get(p.id) ?? null;
		const k = marks.get(p.id) ?? null;
		const status = attendanceStatus({ startsAt: meeting.startsAt, graceMin: meeting.graceMin, checkedInAt: c?.at ?? null, leave: l?.status ?? null, mark: k });
		return {
			userId: p.id,
			name: p.name,
			phone: p.phone,
			groupId: p.groupId,
			checkedInAt: c?.at ?? null,
			via: c?.via ?? null,
			leave: l && { reason: l.reason, status: l.status },
			mark: k && { status: k.status, reason: k.reason, note: k.note },
			status,
			makeupAt: makeups.get(p.id) ?? null
		};
	});
}

export function countByStatus(roster: RosterRow[]): Record<AttendanceStatus, number> {
	const out: Record<AttendanceStatus, number> = { present: 0, late: 0, excused: 0, absent: 0 };
	for (const r of roster) out[r.status]++;
	return out;
}

const publicMeeting = ({ secret: _secret, ...meeting }: MeetingRow) => ({
	...meeting,
	audience: audienceOf(meeting),
	photos: photosOf(meeting),
	attachments: attachmentsOf(meeting),
	materials: JSON.parse(meeting.materials) as string[]
});

/** The secretary's page of one meeting: its facts, everyone's status, the leave requests waiting and the 补学 quiz's title. */
export async function meetingDetail(db: Db, actor: Actor, meetingId: string) {
	const meeting = meetingToManage(db, actor, meetingId);
	const roster = await rosterOf(db, meeting);
	const exam = meeting.makeupExamId ? await examRepo(db).byId(meeting.makeupExamId) : undefined;
	return { meeting: publicMeeting(meeting), roster, counts: countByStatus(roster), makeupExam: exam?.title ?? null, laterInSeries: laterInSeries(db, meeting).length };
}

/** The projector's check-in screen: the meeting with its secret (its hosts only) and who is in so far. */
export async function checkinScreen(db: Db, actor: Actor, meetingId: string) {
	const meeting = meetingToManage(db, actor, meetingId);
	return { meeting: { ...publicMeeting(meeting), secret: meeting.secret }, live: await liveCheckins(db, actor, meetingId) };
}

/** Polled by the projector every few seconds: how many of how many, and the latest names first. */
export async function liveCheckins(db: Db, actor: Actor, meetingId: string) {
	const meeting = meetingToManage(db, actor, meetingId);
	const roster = await rosterOf(db, meeting);
	const inRoom = roster.filter((r) => r.checkedInAt !== null).sort((a, b) => b.checkedInAt! - a.checkedInAt!);
	return {
		expected: roster.length,
		checkedIn: inRoom.length,
		excused: roster.filter((r) => r.status === 'excused').length,
		latest: inRoom.slice(0, 60).map((r) => ({ name: r.name, at: r.checkedInAt!, status: r.status }))
	};
}

/** The secretary marks someone by hand (no phone, ill, away…), or clears the mark back to what the scans say. */
export async function markAttendance(db: Db, actor: Actor, meetingId: string, input: unknown, now = Date.now()): Promise<Outcome<object>> {
	const meeting = meetingToManage(db, actor, meetingId);
	const parsed = v.safeParse(markSchema, input);
	if (!parsed.success) return { ok: false, message: firstIssue(parsed.issues) };
	const { userId, status, reason, note } = parsed.output;
	if (!(await rosterOf(db, meeting)).some((r) => r.userId === userId)) return { ok: false, message: m.err_meeting_person() };
	const repo = meetingRepo(db);
	if (status === 'clear') repo.clearMark(meetingId, userId);
	else {
		if ((status === 'excused' || status === 'absent') && !reason) return { ok: false, message: m.err_mark_reason() };
		repo.setMark(meetingId, userId, { status, reason: reason ?? null, note: note ?? '' }, actor.userId, now);
		if (status === 'present' || status === 'late') awards.meeting(db, userId, meeting, Math.min(now, meeting.startsAt), now);
	}
	recordAudit(db, actor, 'meeting.mark', { targetId: meetingId, summary: meeting.title, unitPath: meeting.branchPath }, now);
	return { ok: true };
}

/** Let in someone not on the list (a member of another group who came): added to the list and checked in now. */
export async function admitPerson(db: Db, actor: Actor, meetingId: string, phone: string, now = Date.now()): Promise<Outcome<{ name: string }>> {
	const meeting = meetingToManage(db, actor, meetingId);
	const person = await findPersonByPhone(db, actor, normalisePhone(phone));
	if (!person) return { ok: false, message: m.err_exam_person({ phone }) };
	const audience = audienceOf(meeting);
	const repo = meetingRepo(db);
	db.$client.transaction(() => {
		if (!audience.people.includes(person.id)) repo.setAudience(meetingId, JSON.stringify({ ...audience, people: [...audience.people, person.id] }), now);
		if (repo.addCheckin(meetingId, person.id, now, 'admit', now)) awards.meeting(db, person.id, meeting, now, now);
	})();
	recordAudit(db, actor, 'meeting.admit', { targetId: meetingId, summary: `${meeting.title} · ${person.name}`, unitPath: meeting.branchPath }, now);
	return { ok: true, name: person.name };
}

export async function decideLeave(db: Db, actor: Actor, meetingId: string, userId: string, approve: boolean, now = Date.now()): Promise<Outcome<object>> {
	const meeting = meetingToManage(db, actor, meetingId);
	if (!meetingRepo(db).decideLeave(meetingId, userId, approve ? 'approved' : 'declined', actor.userId, now)) return { ok: false, message: m.err_leave_missing() };
	recordAudit(db, actor, approve ? 'meeting.leave_approve' : 'meeting.leave_decline', { targetId: meetingId, summary: meeting.title, unitPath: meeting.branchPath }, now);
	await sendNotices(db, actor, [userId], approve ? m.leave_approved_notice() : m.leave_declined_notice(), '/checkin', now);
	return { ok: true };
}

export async function saveMinutes(db: Db, actor: Actor, meetingId: string, minutes: string, now = Date.now()): Promise<Outcome<object>> {
	const meeting = meetingToManage(db, actor, meetingId);
	if (minutes.length > 50_000) return { ok: false, message: m.err_minutes_long() };
	meetingRepo(db).setMinutes(meetingId, minutes, now);
	recordAudit(db, actor, 'meeting.minutes', { targetId: meetingId, summary: meeting.title, unitPath: meeting.branchPath }, now);
	return { ok: true };
}

/**
 * Close the meeting: its attendance is final, and everyone absent or excused gets a 补学 (an in-app
 * notice linking to it). Check-ins scanned during the meeting that reach the server later still count.
 */
export async function closeMeeting(db: Db, actor: Actor, meetingId: string, now = Date.now()): Promise<Outcome<{ owing: number }>> {
	const meeting = meetingToManage(db, actor, meetingId);
	if (now < meeting.startsAt) return { ok: false, message: m.err_meeting_not_started() };
	if (!meetingRepo(db).close(meetingId, now)) return { ok: false, message: m.err_meeting_closed() };
	const owing = (await rosterOf(db, meeting)).filter((r) => owesMakeUp(r.status)).map((r) => r.userId);
	recordAudit(db, actor, 'meeting.close', { targetId: meetingId, summary: meeting.title, unitPath: meeting.branchPath }, now);
	await sendNotices(db, actor, owing, m.makeup_notice({ title: meeting.title }), `/checkin/makeup/${meetingId}`, now);
	return { ok: true, owing: owing.length };
}

/**
 * Call off a meeting (postponed, or arranged by mistake) while nobody has checked in: it goes from every
 * list, pending and granted leave with it, and everyone expected is told. A postponed meeting is arranged
 * again. With `series`, the later meetings of its series nobody has checked into go too, with one notice.
 */
export async function cancelMeeting(db: Db, actor: Actor, meetingId: string, now = Date.now(), { series = false } = {}): Promise<Outcome<{ cancelled: number }>> {
	const meeting = meetingToManage(db, actor, meetingId);
	const later = series ? laterInSeries(db, meeting) : [];
	// Nobody has checked in if it may go, so the expected list is the audience alone.
	const expected = (await audienceMembers(db, audienceOf(meeting))).map((p) => p.id);
	const repo = meetingRepo(db);
	if (!repo.cancel(meetingId)) return { ok: false, message: meeting.closedAt !== null ? m.err_meeting_closed() : m.err_meeting_cancel_checked_in() };
	const cancelled = 1 + later.filter((mt) => repo.cancel(mt.id)).length;
	const body = cancelled > 1 ? m.meeting_series_cancelled_notice({ title: meeting.title, at: dateTime(meeting.startsAt), count: cancelled }) : m.meeting_cancelled_notice({ title: meeting.title, at: dateTime(meeting.startsAt) });
	await sendNotices(db, actor, expected, body, '/checkin', now);
	recordAudit(db, actor, 'meeting.cancel', { targetId: meetingId, summary: cancelled > 1 ? m.audit_series_summary({ title: meeting.title, count: cancelled }) : meeting.title, unitPath: meeting.branchPath }, now);
	return { ok: true, cancelled };
}

/** The printable 会议记录: the meeting, the minutes (sanitised HTML) and the attendance list that fills in by itself. */
export async function minutesPage(db: Db, actor: Actor, meetingId: string) {
	const detail = await meetingDetail(db, actor, meetingId);
	const byStatus = Object.fromEntries(STATUS_ORDER.map((s) => [s, detail.roster.filter((r) => r.status === s)])) as Record<AttendanceStatus, RosterRow[]>;
	return { ...detail, minutesHtml: renderMarkdown(detail.meeting.minutes), agendaHtml: renderMarkdown(detail.meeting.agenda), byStatus };
}

/** The attendance as a workbook: one row per person with status, time, how they checked in, leave and mark, 补学. */
export async function attendanceWorkbook(db: Db, actor: Actor, meetingId: string) {
	const { meeting, roster } = await meetingDetail(db, actor, meetingId);
	const via: Record<string, () => string> = { qr: m.via_qr, code: m.via_code, scan: m.via_scan, admit: m.via_admit };
	const rows = roster.map((r) => [
		r.name,
		r.phone,
		statusLabel(r.status),
		r.checkedInAt ? dateTime(r.checkedInAt) : '',
		r.via ? (via[r.via]?.() ?? r.via) : '',
		r.leave ? `${r.leave.reason}（${r.leave.status === 'approved' ? m.leave_approved() : r.leave.status === 'declined' ? m.leave_declined() : m.leave_pending()}）` : '',
		r.mark ? [r.mark.reason ? reasonLabel(r.mark.reason) : '', r.mark.note].filter(Boolean).join(' · ') || statusLabel(r.mark.status) : '',
		owesMakeUp(r.status) ? (r.makeupAt ? dateTime(r.makeupAt) : m.meetings_makeup_owed()) : ''
	]);
	const headers = [m.meetings_person(), m.xlsx_phone(), m.meetings_status(), m.xlsx_checkin_time(), m.xlsx_checkin_via(), m.status_excused(), m.meetings_mark(), m.meetings_makeup()];
	return { title: meeting.title, bytes: await toXlsx(m.meetings_status(), headers, rows) };
}
