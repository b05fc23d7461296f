import { randomBytes } from 'node:crypto';
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { policy } from '../auth/policy';
import type { Db } from '../db/client';
import { recordAudit } from '../audit/audit-service';
import { audienceMembers, resolveAudience } from '../people/audience';
import { committeeOf } from '../people/committee-service';
import { sendNotices } from '../notices/service';
import { peopleRepo } from '../people/repo';
import type { Outcome } from '../quiz/bank-service';
import { moduleRepo } from '../study/module-repo';
import { planFormChoices } from '../study/plan-service';
import { linkableExam, makeupExamChoices } from './makeup-exam';
import { meetingRepo, type MeetingRow } from './meeting-repo';
import { m } from '$lib/paraglide/messages';
import { beijingInstant, beijingParts, meetingFormSchema, repeatDates } from '$lib/shared/checkin/meeting-form';
import { dateTime } from '$lib/shared/format-time';
import { uuidv7 } from '$lib/shared/id';
import type { Actor } from '$lib/shared/roles';
import { firstIssue } from '$lib/shared/schemas';

/** A meeting the actor runs, or 404 (no probing of other branches' meetings). */
export function meetingToManage(db: Db, actor: Actor, meetingId: string): MeetingRow {
	const meeting = meetingRepo(db).byId(meetingId);
	if (!meeting || !policy.manageMeeting(actor, meeting.branchPath)) error(404, m.err_meeting_missing());
	return meeting;
}

export function managedMeetings(db: Db, actor: Actor) {
	const root = policy.managementRoot(actor);
	if (!root) error(403, m.err_forbidden());
	return meetingRepo(db)
		.listUnder(root)
		.filter((mt) => policy.manageMeeting(actor, mt.branchPath))
		.map(({ secret: _s, audience: _a, minutes: _m, agenda: _g, materials: _t, ...row }) => row);
}

/**
 * The meeting form offers what the plan form does (the branches the actor runs, their groups, the modules
 * they can see) and the exams each branch's meetings may ask absentees to pass.
 */
export async function meetingFormChoices(db: Db, actor: Actor, now = Date.now()) {
	const choices = await planFormChoices(db, actor);
	const units = await peopleRepo(db).orgUnits(choices.branches.map((b) => b.id));
	const { byBranch, exams } = await makeupExamChoices(db, units, now);
	return { ...choices, branches: choices.branches.map((b) => ({ ...b, examIds: byBranch.get(b.id) ?? [], committee: committeeOf(db, b.id).length })), exams };
}

export interface MeetingInput {
	branchId: string;
	audienceUnits: string[];
	audiencePhones: string[];
	materials: string[];
	/** An exam to pass as part of the 补学, or empty. */
	makeupExamId?: string;
	/** "1" when the branch's 支委会 is invited (its members as they stand now join the named people). */
	audienceCommittee?: string;
	[field: string]: unknown;
}

/** The form checked against the branch: parsed fields, published modules the branch can see, and an audience the actor may set. */
async function checkMeetingForm(db: Db, actor: Actor, input: MeetingInput, branch: { id: string; path: string }, now: number, linkedExam: string | null = null) {
	const parsed = v.safeParse(meetingFormSchema, input);
	if (!parsed.success) return { ok: false as const, message: firstIssue(parsed.issues) };
	const makeupExamId = input.makeupExamId || null;
	// A linked exam may stay linked after it closes; a new link must be one the form offers.
	if (makeupExamId && makeupExamId !== linkedExam && !(await linkableExam(db, makeupExamId, branch.path, now))) return { ok: false as const, message: m.err_meeting_exam() };
	const materials = [...new Set(input.materials)];
	for (const moduleId of materials) {
		const mod = await moduleRepo(db).byId(moduleId);
		if (!mod || mod.status !== 'published' || !branch.path.startsWith(mod.ownerPath)) return { ok: false as const, message: m.err_plan_module() };
	}
	const committee = input.audienceCommittee === '1' ? committeeOf(db, branch.id).map((c) => c.userId) : [];
	if (input.audienceCommittee === '1' && !committee.length) return { ok: false as const, message: m.err_meeting_no_committee() };
	const units = input.audienceUnits.length || input.audiencePhones.length || committee.length ? input.audienceUnits : [branch.id];
	const resolved = await resolveAudience(db, actor, units, input.audiencePhones, (path) => path === branch.path, m.err_meeting_audience());
	if (!resolved.ok) return resolved;
	const audience = { ...resolved.audience, people: [...new Set([...resolved.audience.people, ...committee])] };
	return { ok: true as const, form: parsed.output, materials, audience, makeupExamId };
}

/**
 * Create a meeting (or a recurring series of them) for one branch: the audience is the branch, some of
 * its groups, or people the actor manages; materials are published modules the branch can see.
 */
export async function createMeetings(db: Db, actor: Actor, input: MeetingInput, now = Date.now()): Promise<Outcome<{ ids: string[] }>> {
	const branch = await peopleRepo(db).orgUnit(input.branchId);
	if (!branch || branch.kind !== 'branch') return { ok: false, message: m.err_plan_branch() };
	if (!policy.manageMeeting(actor, branch.path)) error(403, m.err_forbidden());
	const checked = await checkMeetingForm(db, actor, input, branch, now);
	if (!checked.ok) return checked;
	const { form: f, materials, audience, makeupExamId } = checked;
	const seriesId = f.repeat === 'none' ? null : uuidv7(now);
	const rows = repeatDates(f.date, f.repeat, f.repeatCount).map((date, i) => ({
		id: uuidv7(now + i),
		branchId: branch.id,
		type: f.type,
		title: f.title,
		startsAt: beijingInstant(date, f.startTime),
		endsAt: beijingInstant(date, f.endTime),
		place: f.place,
		host: f.host,
		audience: JSON.stringify(audience),
		agenda: f.agenda,
		materials: JSON.stringify(materials),
		graceMin: f.graceMin,
		makeupExamId,
		secret: randomBytes(24).toString('base64url'),
		seriesId,
		createdBy: actor.userId,
		now
	}));
	meetingRepo(db).insertMany(rows);
	recordAudit(db, actor, 'meeting.create', { targetId: rows[0]?.id, summary: rows.length > 1 ? m.audit_series_summary({ title: rows[0].title, count: rows.length }) : (rows[0]?.title ?? ''), unitPath: branch.path }, now);
	return { ok: true, ids: rows.map((r) => r.id) };
}

/** The edit form's starting values: the meeting as typed (Beijing date and times), named people by mobile number. */
export async function meetingToEdit(db: Db, actor: Actor, meetingId: string) {
	const meeting = meetingToManage(db, actor, meetingId);
	if (meeting.closedAt !== null) error(409, m.err_meeting_closed());
	const audience = JSON.parse(meeting.audience) as { units: string[]; people: string[] };
	const people = await peopleRepo(db).usersByIds(audience.people);
	const start = beijingParts(meeting.startsAt);
	return {
		id: meeting.id,
		branchId: meeting.branchId,
		checkedIn: meetingRepo(db).checkins(meeting.id).length > 0,
		laterInSeries: laterInSeries(db, meeting).length,
		values: {
			branchId: meeting.branchId,
			type: meeting.type,
			title: meeting.title,
			date: start.date,
			startTime: start.time,
			endTime: beijingParts(meeting.endsAt).time,
			place: meeting.place,
			host: meeting.host,
			agenda: meeting.agenda,
			graceMin: String(meeting.graceMin),
			materials: JSON.parse(meeting.materials) as string[],
			makeupExamId: meeting.makeupExamId ?? '',
			audienceUnits: audience.units,
			audiencePhones: people.map((p) => p.phone)
		}
	};
}

/**
 * Change an arranged meeting before it is closed: the same rules as arranging one. Once someone has
 * checked in its day and times stay (a status already given would change under them). Everyone expected
 * before or after is told when the time or place moves. With `series`, the later meetings of its series
 * that nobody has checked into take the same changes, each on its own date.
 */
export async function updateMeeting(db: Db, actor: Actor, meetingId: string, input: MeetingInput, now = Date.now(), { series = false } = {}): Promise<Outcome<{ changed: number }>> {
	const meeting = meetingToManage(db, actor, meetingId);
	if (meeting.closedAt !== null) return { ok: false, message: m.err_meeting_closed() };
	const checked = await checkMeetingForm(db, actor, { ...input, repeat: 'none', repeatCount: '1' }, { id: meeting.branchId, path: meeting.branchPath }, now, meeting.makeupExamId);
	if (!checked.ok) return checked;
	const { form: f, materials, audience, makeupExamId } = checked;
	const startsAt = beijingInstant(f.date, f.startTime);
	const endsAt = beijingInstant(f.date, f.endTime);
	const moved = startsAt !== meeting.startsAt || endsAt !== meeting.endsAt;
	const repo = meetingRepo(db);
	if (moved && repo.checkins(meetingId).length) return { ok: false, message: m.err_meeting_move_checked_in() };
	const before = await audienceMembers(db, JSON.parse(meeting.audience));
	const fields = { type: f.type, title: f.title, place: f.place, host: f.host, audience: JSON.stringify(audience), agenda: f.agenda, materials: JSON.stringify(materials), graceMin: f.graceMin, makeupExamId };
	const later = series ? laterInSeries(db, meeting) : [];
	db.$client.transaction(() => {
		repo.update(meetingId, { ...fields, startsAt, endsAt }, now);
		for (const mt of later) {
			const date = beijingParts(mt.startsAt).date;
			repo.update(mt.id, { ...fields, startsAt: beijingInstant(date, f.startTime), endsAt: beijingInstant(date, f.endTime) }, now);
		}
	})();
	recordAudit(db, actor, 'meeting.edit', { targetId: meetingId, summary: later.length ? m.audit_series_summary({ title: f.title, count: later.length + 1 }) : f.title, unitPath: meeting.branchPath }, now);
	const laterMoved = later.some((mt) => beijingParts(mt.startsAt).time !== f.startTime || mt.place !== f.place);
	if (moved || f.place !== meeting.place || laterMoved) {
		const after = await audienceMembers(db, audience);
		const told = [...new Set([...before, ...after].map((p) => p.id))];
		const body = later.length
			? m.meeting_series_moved_notice({ title: f.title, count: later.length + 1, at: dateTime(startsAt), place: f.place || '—' })
			: m.meeting_moved_notice({ title: f.title, at: dateTime(startsAt), place: f.place || '—' });
		await sendNotices(db, actor, told, body, '/checkin', now);
	}
	return { ok: true, changed: later.length + 1 };
}

/** The meetings of the same series after this one that may still change: not closed, nobody checked in. */
export function laterInSeries(db: Db, meeting: Pick<MeetingRow, 'seriesId' | 'startsAt'>): MeetingRow[] {
	if (!meeting.seriesId) return [];
	const repo = meetingRepo(db);
	return repo.laterInSeries(meeting.seriesId, meeting.startsAt).filter((mt) => !repo.checkins(mt.id).length);
}
