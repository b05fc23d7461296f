import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { policy } from '../auth/policy';
import type { Db } from '../db/client';
import { recordAudit } from '../audit/audit-service';
import type { Audience } from '../people/audience';
import { peopleRepo } from '../people/repo';
import type { Outcome } from '../quiz/bank-service';
import { appSettingsRepo } from '../settings/app-repo';
import { evaluationRepo } from '../reports/evaluation-repo';
import { eachAttendance } from './attendance-tally';
import { meetingRepo } from './meeting-repo';
import { m } from '$lib/paraglide/messages';
import type { AttendanceStatus } from '$lib/shared/checkin/attendance';
import { complianceOf, DEFAULT_CADENCE, MEETING_TYPES, periodOf, type Cadence, type MeetingType, type PeriodStanding } from '$lib/shared/checkin/periods';
import type { Actor } from '$lib/shared/roles';
import { firstIssue, int } from '$lib/shared/schemas';

const CADENCE_KEY = 'meeting.cadence';
const THRESHOLD_KEY = 'meeting.absenceThreshold';
/** Unexcused absences in the year that get a member highlighted, unless the admin sets another number. */
export const DEFAULT_ABSENCE_THRESHOLD = 2;
export const CADENCES = ['month', 'quarter', 'half', 'year'] as const;

export type CadenceTable = Partial<Record<MeetingType, Cadence>>;

export async function meetingRules(db: Db): Promise<{ cadence: CadenceTable; threshold: number }> {
	const repo = appSettingsRepo(db);
	return { cadence: await repo.get(CADENCE_KEY, DEFAULT_CADENCE), threshold: await repo.get(THRESHOLD_KEY, DEFAULT_ABSENCE_THRESHOLD) };
}

const rulesSchema = v.object({
	cadence: v.record(v.picklist(MEETING_TYPES), v.picklist([...CADENCES, 'none'], () => m.err_invalid())),
	threshold: int(1, 20, () => m.err_threshold())
});

/** The organisation admin sets how often each kind of meeting is due, and the absence threshold. */
export async function setMeetingRules(db: Db, actor: Actor, input: unknown, now = Date.now()): Promise<Outcome<object>> {
	if (!policy.manageAppSettings(actor)) error(403, m.err_forbidden());
	const parsed = v.safeParse(rulesSchema, input);
	if (!parsed.success) return { ok: false, message: firstIssue(parsed.issues) };
	const cadence = Object.fromEntries(Object.entries(parsed.output.cadence).filter(([, c]) => c !== 'none')) as CadenceTable;
	await appSettingsRepo(db).set(CADENCE_KEY, cadence, actor.userId, now);
	await appSettingsRepo(db).set(THRESHOLD_KEY, parsed.output.threshold, actor.userId, now);
	recordAudit(db, actor, 'meeting.rules', { summary: m.rules_title(), unitPath: actor.adminOf!.path }, now);
	return { ok: true };
}

export interface ComplianceRow {
	unitId: string;
	unitName: string;
	/** The branch, or the group with its branch's name. */
	kind: 'branch' | 'group';
	type: MeetingType;
	cadence: Cadence;
	current: PeriodStanding;
	/** Periods of this year already over with none held (newest first). */
	missed: string[];
	overdue: boolean;
}

const startOfYear = (now: number) => periodOf(now, 'year').from;

/**
 * 三会一课 compliance this year for every branch (and 党小组) the actor manages: for each kind of meeting
 * with a cadence, how many were held (closed) in the current period, and which periods went by with
 * none. 党小组会 count per group: a meeting for the whole branch counts for each of its groups. Rows
 * that are overdue (a missed period, or the current one due with none held yet) come first.
 */
export async function complianceReport(db: Db, actor: Actor, now = Date.now()) {
	const root = policy.managementRoot(actor);
	if (!root) error(403, m.err_forbidden());
	const { cadence } = await meetingRules(db);
	const since = startOfYear(now);
	const units = await peopleRepo(db).subtree(root);
	const branches = units.filter((u) => u.kind === 'branch' && policy.manageMeeting(actor, u.path));
	const held = meetingRepo(db).closedUnder(root, since);
	const rows: ComplianceRow[] = [];
	const add = (unit: { id: string; name: string }, kind: 'branch' | 'group', type: MeetingType, c: Cadence, at: number[]) => {
		const periods = complianceOf(at, c, since, now);
		const missed = periods.filter((p) => p.missed).map((p) => p.key);
		rows.push({ unitId: unit.id, unitName: unit.name, kind, type, cadence: c, current: periods[0], missed, overdue: missed.length > 0 || periods[0].due });
	};
	for (const branch of branches) {
		const own = held.filter((mt) => mt.branchId === branch.id);
		for (const type of MEETING_TYPES) {
			const c = cadence[type];
			if (!c) continue;
			if (type !== 'group') {
				add(branch, 'branch', type, c, own.filter((mt) => mt.type === type).map((mt) => mt.startsAt));
				continue;
			}
			for (const group of units.filter((u) => u.parentId === branch.id && u.kind === 'group')) {
				const forGroup = own.filter((mt) => mt.type === 'group' && (JSON.parse(mt.audience) as Audience).units.some((id) => id === group.id || id === branch.id));
				add({ id: group.id, name: `${branch.name} · ${group.name}` }, 'group', type, c, forGroup.map((mt) => mt.startsAt));
			}
		}
	}
	rows.sort((a, b) => Number(b.overdue) - Number(a.overdue) || b.missed.length - a.missed.length);
	return { rows, year: periodOf(now, 'year').key };
}

export interface MemberAttendance {
	userId: string;
	name: string;
	branchName: string;
	expected: number;
	counts: Record<AttendanceStatus, number>;
	/** (present + late) / expected, 0–1. */
	rate: number;
	flagged: boolean;
}

/**
 * Attendance this year over the meetings held (closed): per member and per kind of meeting, with the
 * members whose unexcused absences reach the threshold flagged. Set queries over the whole subtree
 * (attendance-tally.ts), not a roster per meeting: an organisation holds thousands of meetings a year.
 */
export async function attendanceStats(db: Db, actor: Actor, now = Date.now()) {
	const root = policy.managementRoot(actor);
	if (!root) error(403, m.err_forbidden());
	const { threshold } = await meetingRules(db);
	const members = new Map<string, MemberAttendance>();
	// Per kind of meeting and per Beijing month: meetings held, people expected, people who came.
	type Tally = { meetings: Set<string>; expected: number; came: number };
	const byType = new Map<MeetingType, Tally>();
	const byMonth = new Map<string, Tally>();
	const count = <K>(map: Map<K, Tally>, key: K, meetingId: string, came: boolean) => {
		const t = map.get(key) ?? { meetings: new Set(), expected: 0, came: 0 };
		t.meetings.add(meetingId);
		t.expected++;
		if (came) t.came++;
		map.set(key, t);
	};
	const meetings = eachAttendance(db, root, startOfYear(now), now, evaluationRepo(db).members(root), (meeting, p, status) => {
		const row = members.get(p.id) ?? { userId: p.id, name: p.name, branchName: p.branchName, expected: 0, counts: { present: 0, late: 0, excused: 0, absent: 0 }, rate: 0, flagged: false };
		row.expected++;
		row.counts[status]++;
		members.set(p.id, row);
		const came = status === 'present' || status === 'late';
		count(byType, meeting.type, meeting.id, came);
		count(byMonth, periodOf(meeting.startsAt, 'month').key, meeting.id, came);
	});
	const rows = [...members.values()].map((r) => ({ ...r, rate: r.expected ? (r.counts.present + r.counts.late) / r.expected : 0, flagged: r.counts.absent >= threshold }));
	rows.sort((a, b) => Number(b.flagged) - Number(a.flagged) || a.rate - b.rate || a.name.localeCompare(b.name, 'zh-CN'));
	const figures = <K>([key, t]: [K, Tally]) => ({ key, meetings: t.meetings.size, rate: t.came / t.expected });
	const types = [...byType.entries()].map(figures).map(({ key, ...t }) => ({ type: key, ...t }));
	const months = [...byMonth.entries()].map(figures).sort((a, b) => a.key.localeCompare(b.key));
	return { members: rows, types, months, threshold, meetings: meetings.length };
}
