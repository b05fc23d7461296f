import { createHmac } from 'node:crypto';
import * as v from 'valibot';
import type { Db } from '../db/client';
import { awards } from '../points/awards';
import { policy } from '../auth/policy';
import { TokenBucket } from '../auth/rate-limit';
import type { Audience, AudienceScope } from '../people/audience';
import { OpRejected } from '../sync/repo';
import { meetingRepo, type CheckinRow, type MeetingRow } from './meeting-repo';
import { m } from '$lib/paraglide/messages';
import { attendanceStatus, type AttendanceStatus } from '$lib/shared/checkin/attendance';
import { checkinPayloadSchema, leavePayloadSchema } from '$lib/shared/checkin/checkin-schemas';
import { checkinWindow } from '$lib/shared/checkin/meeting-form';
import { checkOffline, checkOfflineCode, checkOnline, type TokenAt, type TokenCheck } from '$lib/shared/checkin/token';
import type { Actor } from '$lib/shared/roles';
import { firstIssue } from '$lib/shared/schemas';

/** The meeting's token for a slot, made synchronously on the server (the same HMAC the projector makes with WebCrypto). */
export const tokenAtFor =
	(meeting: Pick<MeetingRow, 'id' | 'secret'>): TokenAt =>
	(slot) =>
		createHmac('sha256', meeting.secret).update(`${meeting.id}:${slot}`).digest('base64url').slice(0, 16);

/** Wrong codes per member: ten, then one more every 30 s, so six digits cannot be guessed from a sofa. */
const wrongCodes = new TokenBucket(10, 1 / 30);

export function meetingScope(db: Db, meeting: Pick<MeetingRow, 'audience'>): AudienceScope {
	const audience = JSON.parse(meeting.audience) as Audience;
	const units = meetingRepo(db).unitPaths(audience.units);
	return { unitPaths: units.map((u) => u.path), groupIds: audience.units, people: audience.people };
}

export const expectedAt = (db: Db, actor: Actor, meeting: MeetingRow) => policy.attendMeeting(actor, meetingScope(db, meeting));

export interface CheckedIn {
	meetingId: string;
	title: string;
	at: number;
	status: AttendanceStatus;
	/** False when the member had already checked in: the first check-in stands. */
	first: boolean;
}
export type CheckinOutcome = { ok: true; checkin: CheckedIn } | { ok: false; message: string };

const refusal = (check: Extract<TokenCheck, { ok: false }>) => (check.reason === 'expired' ? m.err_checkin_expired() : m.err_checkin_wrong());

/** Whether a check-in at `at` may count for this meeting: inside its window, and from someone on its list. */
function admissible(db: Db, actor: Actor, meeting: MeetingRow, at: number): string | null {
	const window = checkinWindow(meeting);
	if (at < window.from) return m.err_checkin_early();
	if (at > window.to) return m.err_checkin_over();
	if (!expectedAt(db, actor, meeting)) return m.err_checkin_not_expected();
	return null;
}

function record(db: Db, actor: Actor, meeting: MeetingRow, at: number, via: CheckinRow['via'], now: number): CheckedIn {
	const repo = meetingRepo(db);
	const first = repo.addCheckin(meeting.id, actor.userId, at, via, now);
	if (first) awards.meeting(db, actor.userId, meeting, at, now);
	const stored = first ? { at } : repo.checkin(meeting.id, actor.userId)!;
	const status = attendanceStatus({ startsAt: meeting.startsAt, graceMin: meeting.graceMin, checkedInAt: stored.at, leave: null, mark: null });
	return { meetingId: meeting.id, title: meeting.title, at: stored.at, status, first };
}

/** The QR opened by a phone's own camera or WeChat (`/k/<id>?s=&t=`): the online rule, on the server clock. */
export function checkInByQr(db: Db, actor: Actor, meetingId: string, token: string, now = Date.now()): CheckinOutcome {
	const meeting = meetingRepo(db).byId(meetingId);
	if (!meeting) return { ok: false, message: m.err_meeting_missing() };
	const already = meetingRepo(db).checkin(meeting.id, actor.userId);
	if (already) return { ok: true, checkin: record(db, actor, meeting, already.at, already.via, now) };
	const check = checkOnline(tokenAtFor(meeting), token, now);
	if (!check.ok) return { ok: false, message: refusal(check) };
	const refused = admissible(db, actor, meeting, now);
	if (refused) return { ok: false, message: refused };
	return { ok: true, checkin: record(db, actor, meeting, now, 'qr', now) };
}

/** Meetings whose check-in window holds `at` and that expect this member: where a typed code may belong. */
function candidates(db: Db, actor: Actor, at: number): MeetingRow[] {
	return meetingRepo(db)
		.forMember(actor.branchId, actor.userId, at, at + 24 * 60 * 60_000)
		.filter((mt) => {
			const w = checkinWindow(mt);
			return at >= w.from && at <= w.to && expectedAt(db, actor, mt);
		});
}

/** A code typed on the 签到 tab while online: matched against the meetings the member is expected at now. */
export function checkInByCode(db: Db, actor: Actor, code: string, now = Date.now()): CheckinOutcome {
	if (wrongCodes.take(actor.userId, now) > 0) return { ok: false, message: m.err_checkin_too_many() };
	let expired = false;
	for (const meeting of candidates(db, actor, now)) {
		const check = checkOnline(tokenAtFor(meeting), code, now, true);
		if (check.ok) return { ok: true, checkin: record(db, actor, meeting, now, 'code', now) };
		expired ||= check.reason === 'expired';
	}
	return { ok: false, message: expired ? m.err_checkin_expired() : m.err_checkin_code_wrong() };
}

/**
 * The outbox op of the app's scanner or code entry (DESIGN.md): accepted by the online rule if it
 * arrives in time (the server's clock is the check-in time), else by the offline rule on the phone's
 * scan time. A second check-in is applied as a no-op: the first stands.
 */
export function prepareCheckin(db: Db, actor: Actor, payload: unknown, deviceAt: number, now: number): { write: () => void } | { reject: string } {
	const parsed = v.safeParse(checkinPayloadSchema, payload);
	if (!parsed.success) return { reject: firstIssue(parsed.issues) };
	const p = parsed.output;
	if ('code' in p) {
		if (wrongCodes.take(actor.userId, now) > 0) return { reject: m.err_checkin_too_many() };
		for (const [meetings, at] of [
			[candidates(db, actor, now), now],
			[candidates(db, actor, deviceAt), deviceAt]
		] as const) {
			for (const meeting of meetings) {
				const tokenAt = tokenAtFor(meeting);
				const ok = at === now ? checkOnline(tokenAt, p.code, now, true).ok : checkOfflineCode(tokenAt, p.code, deviceAt).ok;
				if (ok) return { write: () => void record(db, actor, meeting, at, 'code', now) };
			}
		}
		return { reject: m.err_checkin_code_wrong() };
	}
	const meeting = meetingRepo(db).byId(p.meetingId);
	if (!meeting) return { reject: m.err_meeting_missing() };
	if (meetingRepo(db).checkin(meeting.id, actor.userId)) return { write: () => {} };
	const tokenAt = tokenAtFor(meeting);
	const online = checkOnline(tokenAt, p.token, now);
	const check = online.ok ? online : checkOffline(tokenAt, p.token, p.slot, deviceAt);
	if (!check.ok) return { reject: refusal(check) };
	const at = online.ok ? now : deviceAt;
	const refused = admissible(db, actor, meeting, at);
	if (refused) return { reject: refused };
	return { write: () => void record(db, actor, meeting, at, 'scan', now) };
}

/** 请假 from the phone (outbox op): before the meeting ends, by someone on its list; asking again after a refusal reopens it. */
export function prepareLeave(db: Db, actor: Actor, payload: unknown, deviceAt: number): { write: () => void } | { reject: string } {
	const parsed = v.safeParse(leavePayloadSchema, payload);
	if (!parsed.success) return { reject: firstIssue(parsed.issues) };
	const repo = meetingRepo(db);
	const meeting = repo.byId(parsed.output.meetingId);
	if (!meeting || !expectedAt(db, actor, meeting)) return { reject: m.err_meeting_missing() };
	if (meeting.closedAt !== null || deviceAt > meeting.endsAt) return { reject: m.err_leave_late() };
	return {
		write: () => {
			if (repo.leave(meeting.id, actor.userId)?.status === 'approved') throw new OpRejected(m.err_leave_already());
			repo.askLeave(meeting.id, actor.userId, parsed.output.reason, deviceAt);
		}
	};
}

/** How long a member who scanned before signing in has to sign in (old phones, forgotten passwords). */
export const SIGN_IN_GRACE_MS = 10 * 60_000;

const ticketMac = (meeting: Pick<MeetingRow, 'id' | 'secret'>, slot: number, seenAt: number) =>
	createHmac('sha256', meeting.secret).update(`ticket:${meeting.id}:${slot}:${seenAt}`).digest('base64url').slice(0, 22);

/**
 * A QR opened by someone not yet signed in: if the token is good now, a ticket (for an httpOnly cookie)
 * that says so, signed with the meeting's secret, so signing in afterwards does not make them late or
 * expire the code they scanned.
 */
export function scanTicket(db: Db, meetingId: string, token: string, now = Date.now()): { ok: true; ticket: string } | { ok: false; message: string } {
	const meeting = meetingRepo(db).byId(meetingId);
	if (!meeting) return { ok: false, message: m.err_meeting_missing() };
	const check = checkOnline(tokenAtFor(meeting), token, now);
	if (!check.ok) return { ok: false, message: refusal(check) };
	return { ok: true, ticket: `${check.slot}.${now}.${ticketMac(meeting, check.slot, now)}` };
}

/** Check in with the ticket from before signing in: counted at the time of the scan. */
export function checkInByTicket(db: Db, actor: Actor, meetingId: string, ticket: string, now = Date.now()): CheckinOutcome {
	const meeting = meetingRepo(db).byId(meetingId);
	if (!meeting) return { ok: false, message: m.err_meeting_missing() };
	const [slotText, seenText, mac] = ticket.split('.');
	const slot = Number(slotText);
	const seenAt = Number(seenText);
	if (!Number.isSafeInteger(slot) || !Number.isSafeInteger(seenAt) || mac !== ticketMac(meeting, slot, seenAt)) return { ok: false, message: m.err_checkin_wrong() };
	if (now - seenAt > SIGN_IN_GRACE_MS || seenAt > now) return { ok: false, message: m.err_checkin_expired() };
	const already = meetingRepo(db).checkin(meeting.id, actor.userId);
	if (already) return { ok: true, checkin: record(db, actor, meeting, already.at, already.via, now) };
	const refused = admissible(db, actor, meeting, seenAt);
	if (refused) return { ok: false, message: refused };
	return { ok: true, checkin: record(db, actor, meeting, seenAt, 'qr', now) };
}
