import { randomBytes } from 'node:crypto';
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { policy } from '../auth/policy';
import type { Db } from '../db/client';
import { recordAudit } from '../audit/audit-service';
import { resolveAudience } from '../people/audience';
import { peopleRepo } from '../people/repo';
import type { Outcome } from '../quiz/bank-service';
import { moduleRepo } from '../study/module-repo';
import { planFormChoices } from '../study/plan-service';
import { meetingRepo, type MeetingRow } from './meeting-repo';
import { m } from '$lib/paraglide/messages';
import { beijingInstant, meetingFormSchema, repeatDates } from '$lib/shared/checkin/meeting-form';
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

/** The meeting form offers what the plan form does: the branches the actor runs, their groups, and the modules they can see. */
export const meetingFormChoices = planFormChoices;

export interface MeetingInput {
	branchId: string;
	audienceUnits: string[];
	audiencePhones: string[];
	materials: string[];
	[field: string]: unknown;
}

/**
 * Create a meeting (or a recurring series of them) for one branch: the audience is the branch, some of
 * its groups, or people the actor manages; materials are published modules the branch can see.
 */
export async function createMeetings(db: Db, actor: Actor, input: MeetingInput, now = Date.now()): Promise<Outcome<{ ids: string[] }>> {
	const parsed = v.safeParse(meetingFormSchema, input);
	if (!parsed.success) return { ok: false, message: firstIssue(parsed.issues) };
	const f = parsed.output;
	const branch = await peopleRepo(db).orgUnit(input.branchId);
	if (!branch || branch.kind !== 'branch') return { ok: false, message: m.err_plan_branch() };
	if (!policy.manageMeeting(actor, branch.path)) error(403, m.err_forbidden());
	const materials = [...new Set(input.materials)];
	for (const moduleId of materials) {
		const mod = await moduleRepo(db).byId(moduleId);
		if (!mod || mod.status !== 'published' || !branch.path.startsWith(mod.ownerPath)) return { ok: false, message: m.err_plan_module() };
	}
	const units = input.audienceUnits.length || input.audiencePhones.length ? input.audienceUnits : [branch.id];
	const audience = await resolveAudience(db, actor, units, input.audiencePhones, (path) => path === branch.path, m.err_meeting_audience());
	if (!audience.ok) return audience;
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
		audience: JSON.stringify(audience.audience),
		agenda: f.agenda,
		materials: JSON.stringify(materials),
		graceMin: f.graceMin,
		secret: randomBytes(24).toString('base64url'),
		seriesId,
		createdBy: actor.userId,
		now
	}));
	meetingRepo(db).insertMany(rows);
	recordAudit(db, actor, 'meeting.create', { targetId: rows[0]?.id, summary: rows.length > 1 ? m.audit_series_summary({ title: rows[0].title, count: rows.length }) : (rows[0]?.title ?? ''), unitPath: branch.path }, now);
	return { ok: true, ids: rows.map((r) => r.id) };
}
