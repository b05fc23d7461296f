import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import type { Db } from '../db/client';
import { awards } from '../points/awards';
import { renderMarkdown } from '../markdown';
import type { Outcome } from '../quiz/bank-service';
import { OpRejected } from '../sync/repo';
import type { OpHandler } from '../sync/handlers';
import { expectedAt } from './checkin-service';
import { makeupBlocker, makeupReadiness } from './makeup-readiness';
import { meetingRepo, type MeetingRow } from './meeting-repo';
import { attachmentsOf, photosOf } from './meeting-files-service';
import { m } from '$lib/paraglide/messages';
import { attendanceStatus, owesMakeUp } from '$lib/shared/checkin/attendance';
import { makeupPayloadSchema } from '$lib/shared/checkin/checkin-schemas';
import { checkinWindow } from '$lib/shared/checkin/meeting-form';
import { startOfBeijingDay } from '$lib/shared/day';
import type { Actor } from '$lib/shared/roles';
import { firstIssue } from '$lib/shared/schemas';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The 签到 tab shows meetings up to this far ahead, and closed ones this far back (for their 补学). */
const AHEAD_DAYS = 60;
const BACK_DAYS = 120;

function myMeetings(db: Db, actor: Actor, now: number) {
	return meetingsBetween(db, actor, now - BACK_DAYS * DAY_MS, now + AHEAD_DAYS * DAY_MS, now);
}

/** A member's meetings between two instants, each with their attendance status as it stands. */
function meetingsBetween(db: Db, actor: Actor, from: number, to: number, now: number) {
	const repo = meetingRepo(db);
	const meetings = repo.forMember(actor.branchId, actor.userId, from, to).filter((mt) => expectedAt(db, actor, mt));
	const facts = new Map(repo.mine(meetings.map((mt) => mt.id), actor.userId).map((f) => [f.meetingId, f]));
	return meetings.map((mt) => {
		const f = facts.get(mt.id)!;
		const mark = f.markStatus ? { status: f.markStatus, reason: f.markReason } : null;
		const status = attendanceStatus({ startsAt: mt.startsAt, graceMin: mt.graceMin, checkedInAt: f.checkedInAt, leave: f.leaveStatus, mark });
		const window = checkinWindow(mt);
		return {
			id: mt.id,
			type: mt.type,
			title: mt.title,
			branchName: mt.branchName,
			startsAt: mt.startsAt,
			endsAt: mt.endsAt,
			place: mt.place,
			host: mt.host,
			agenda: mt.agenda,
			closed: mt.closedAt !== null,
			checkinOpen: mt.closedAt === null && now >= window.from && now <= window.to,
			checkedInAt: f.checkedInAt,
			leave: f.leaveStatus && { status: f.leaveStatus, reason: f.leave ?? '' },
			status,
			owesMakeup: mt.closedAt !== null && owesMakeUp(status) && f.makeupAt === null,
			makeupAt: f.makeupAt
		};
	});
}

/**
 * Meetings for the learning record: those held in the period that the member was expected at, once
 * closed (absences are final then) or once they came. `subject` is the member as the policy sees them.
 */
export function meetingRecord(db: Db, subject: Actor, from: number, to: number, now = Date.now()) {
	return meetingsBetween(db, subject, from, to, now).filter((mt) => mt.startsAt <= now && (mt.closed || mt.status === 'present' || mt.status === 'late'));
}

/** The 签到 tab: today's and coming meetings (with leave), and the 补学 still owed. */
export function memberMeetings(db: Db, actor: Actor, now = Date.now()) {
	const all = myMeetings(db, actor, now);
	const today = startOfBeijingDay(now);
	return {
		today: all.filter((mt) => mt.endsAt >= now && mt.startsAt < today + DAY_MS && !mt.closed),
		upcoming: all.filter((mt) => mt.startsAt >= today + DAY_MS && !mt.closed),
		makeups: all.filter((mt) => mt.owesMakeup),
		past: all.filter((mt) => (mt.endsAt < now || mt.closed) && !mt.owesMakeup).reverse().slice(0, 20)
	};
}

/** The tab bar's badge on 签到: meetings today not yet checked in (the reminder on the day) and 补学 owed. */
export function checkinBadge(db: Db, actor: Actor, now = Date.now()): number {
	const mine = memberMeetings(db, actor, now);
	return mine.today.filter((mt) => mt.checkedInAt === null && mt.leave?.status !== 'approved').length + mine.makeups.length;
}

function makeupMeeting(db: Db, actor: Actor, meetingId: string): MeetingRow | null {
	const meeting = meetingRepo(db).byId(meetingId);
	return meeting && expectedAt(db, actor, meeting) ? meeting : null;
}

/** What a member reads for the 补学 of a meeting they missed: the minutes, photos, each linked module with how far they are, and the linked exam. */
export function makeupFor(db: Db, actor: Actor, meetingId: string, now = Date.now()) {
	const meeting = makeupMeeting(db, actor, meetingId);
	if (!meeting) error(404, m.err_meeting_missing());
	const mine = myMeetings(db, actor, now).find((mt) => mt.id === meetingId);
	return {
		meeting: { id: meeting.id, title: meeting.title, type: meeting.type, startsAt: meeting.startsAt, place: meeting.place, closed: meeting.closedAt !== null },
		agendaHtml: renderMarkdown(meeting.agenda),
		minutesHtml: renderMarkdown(meeting.minutes),
		photos: photosOf(meeting),
		attachments: attachmentsOf(meeting),
		...makeupReadiness(db, meeting, actor.userId, now),
		status: mine?.status ?? null,
		owes: mine?.owesMakeup ?? false,
		doneAt: mine?.makeupAt ?? null
	};
}

/**
 * "我已完成补学" (online, or from the outbox when confirmed offline: checked when it arrives, after the
 * reading it follows). Accepted once every linked module is read and the linked exam passed.
 */
function confirmMakeup(db: Db, actor: Actor, meetingId: string, at: number, now: number): Outcome<object> {
	const meeting = makeupMeeting(db, actor, meetingId);
	if (!meeting) return { ok: false, message: m.err_meeting_missing() };
	const mine = myMeetings(db, actor, now).find((mt) => mt.id === meetingId);
	if (mine?.makeupAt) return { ok: true };
	if (!mine?.owesMakeup) return { ok: false, message: m.err_makeup_not_owed() };
	const blocker = makeupBlocker(makeupReadiness(db, meeting, actor.userId, now));
	if (blocker) return { ok: false, message: blocker };
	const done = Math.min(at, now);
	if (meetingRepo(db).addMakeup(meetingId, actor.userId, done)) awards.makeup(db, actor.userId, meeting, done, now);
	return { ok: true };
}

export function completeMakeup(db: Db, actor: Actor, meetingId: string, now = Date.now()): Outcome<object> {
	return db.$client.transaction(() => confirmMakeup(db, actor, meetingId, now, now))();
}

/** The outbox op of a 补学 confirmed offline: judged inside the sync transaction, so the reading ops sent before it count. */
export const prepareMakeup: OpHandler = (db, actor, payload, deviceAt, now) => {
	const parsed = v.safeParse(makeupPayloadSchema, payload);
	if (!parsed.success) return { reject: firstIssue(parsed.issues) };
	return {
		write: () => {
			const r = confirmMakeup(db, actor, parsed.output.meetingId, deviceAt, now);
			if (!r.ok) throw new OpRejected(r.message);
		}
	};
};
