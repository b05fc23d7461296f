import { error } from '@sveltejs/kit';
import type { Db } from '../db/client';
import { awards } from '../points/awards';
import { renderMarkdown } from '../markdown';
import type { Outcome } from '../quiz/bank-service';
import { moduleRepo } from '../study/module-repo';
import { planRepo } from '../study/plan-repo';
import { expectedAt } from './checkin-service';
import { meetingRepo, type MeetingRow } from './meeting-repo';
import { m } from '$lib/paraglide/messages';
import { attendanceStatus, owesMakeUp } from '$lib/shared/checkin/attendance';
import { checkinWindow } from '$lib/shared/checkin/meeting-form';
import { startOfBeijingDay } from '$lib/shared/day';
import type { Actor } from '$lib/shared/roles';
import { requiredMs } from '$lib/shared/study/plan-progress';
import { readingMinutes } from '$lib/shared/study/reading-time';

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

async function makeupMeeting(db: Db, actor: Actor, meetingId: string): Promise<MeetingRow> {
	const meeting = meetingRepo(db).byId(meetingId);
	if (!meeting || !expectedAt(db, actor, meeting)) error(404, m.err_meeting_missing());
	return meeting;
}

/** What a member reads for the 补学 of a meeting they missed: the minutes and each linked module, with how far they are. */
export async function makeupFor(db: Db, actor: Actor, meetingId: string, now = Date.now()) {
	const meeting = await makeupMeeting(db, actor, meetingId);
	const mine = myMeetings(db, actor, now).find((mt) => mt.id === meetingId);
	const moduleIds = JSON.parse(meeting.materials) as string[];
	const lessons = await planRepo(db).lessonsOf(moduleIds);
	const progress = await planRepo(db).progress([actor.userId], lessons.map((l) => l.id));
	const modules = await Promise.all(moduleIds.map((id) => moduleRepo(db).byId(id)));
	const materials = modules.flatMap((mod) => {
		if (!mod) return [];
		const own = lessons.filter((l) => l.moduleId === mod.id);
		const done = own.filter((l) => (progress.get(`${actor.userId}:${l.id}`) ?? 0) >= requiredMs(null, readingMinutes(l.body))).length;
		return [{ id: mod.id, title: mod.title, lessons: own.length, done }];
	});
	return {
		meeting: { id: meeting.id, title: meeting.title, type: meeting.type, startsAt: meeting.startsAt, place: meeting.place, closed: meeting.closedAt !== null },
		agendaHtml: renderMarkdown(meeting.agenda),
		minutesHtml: renderMarkdown(meeting.minutes),
		materials,
		status: mine?.status ?? null,
		owes: mine?.owesMakeup ?? false,
		doneAt: mine?.makeupAt ?? null
	};
}

/** "我已完成补学": accepted once every linked module is read; the minutes are on the same page. */
export async function completeMakeup(db: Db, actor: Actor, meetingId: string, now = Date.now()): Promise<Outcome<object>> {
	const state = await makeupFor(db, actor, meetingId, now);
	if (state.doneAt !== null) return { ok: true };
	if (!state.owes) return { ok: false, message: m.err_makeup_not_owed() };
	const unread = state.materials.filter((mt) => mt.done < mt.lessons);
	if (unread.length) return { ok: false, message: m.err_makeup_unread({ titles: unread.map((u) => `《${u.title}》`).join('、') }) };
	db.$client.transaction(() => {
		if (meetingRepo(db).addMakeup(meetingId, actor.userId, now)) awards.makeup(db, actor.userId, state.meeting, now, now);
	})();
	return { ok: true };
}
