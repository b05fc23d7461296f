import type { Db } from '../db/client';
import { preparedFor } from '../db/prepared';
import type { Audience, AudienceScope } from '../people/audience';
import { audienceOf, memberIndex, type MemberRef } from '../people/member-index';
import { attendanceStatus, type AttendanceStatus, type MarkReason } from '$lib/shared/checkin/attendance';
import type { MeetingType } from '$lib/shared/checkin/periods';

export interface AttendanceTally {
	expected: number;
	attended: number;
	absent: number;
}

const UNDER = 'substr(o.path, 1, length(@root)) = @root AND m.closed_at IS NOT NULL AND m.starts_at BETWEEN @from AND @to';
type Range = { root: string; from: number; to: number };
export type TallyMeeting = { id: string; type: MeetingType; audience: string; startsAt: number; graceMin: number };

/**
 * Closed meetings of a subtree in a period and everything that decides who came, in five set queries
 * (organisation-wide reports cannot afford a roster query per meeting).
 */
const statements = preparedFor((db) => {
	const c = db.$client;
	// By the meetings' ids, along each table's (meeting, user) key: no join, no scan.
	const facts = (table: string, columns: string) => c.prepare<[string], Record<string, unknown>>(`SELECT ${columns} FROM ${table} WHERE meeting_id IN (SELECT value FROM json_each(?))`);
	return {
		meetings: c.prepare<[Range], TallyMeeting>(
			`SELECT m.id, m.type, m.audience, m.starts_at AS startsAt, m.grace_min AS graceMin FROM meetings m JOIN org_units o ON o.id = m.branch_id WHERE ${UNDER}`
		),
		checkins: facts('meeting_checkins', 'meeting_id AS meetingId, user_id AS userId, at'),
		marks: facts('meeting_marks', 'meeting_id AS meetingId, user_id AS userId, status, reason'),
		leaves: facts('meeting_leaves', 'meeting_id AS meetingId, user_id AS userId, status'),
		units: c.prepare<[{ root: string }], { id: string; path: string }>('SELECT id, path FROM org_units o WHERE substr(o.path, 1, length(@root)) = @root')
	};
});

/**
 * Every (closed meeting of the subtree in the period × member of `members` expected at it) with the member's
 * status, by the one status rule of shared/checkin/attendance.ts. Returns the meetings visited.
 */
export function eachAttendance<T extends MemberRef>(db: Db, root: string, from: number, to: number, members: T[], visit: (meeting: TallyMeeting, member: T, status: AttendanceStatus) => void): TallyMeeting[] {
	const s = statements(db);
	const range = { root, from, to };

	const meetings = s.meetings.all(range);
	const ids = JSON.stringify(meetings.map((mt) => mt.id));
	const key = (r: Record<string, unknown>) => `${r.meetingId}:${r.userId}`;
	const checkins = new Map(s.checkins.all(ids).map((r) => [key(r), r.at as number]));
	const marks = new Map(s.marks.all(ids).map((r) => [key(r), { status: r.status as AttendanceStatus, reason: r.reason as MarkReason | null }]));
	const leaves = new Map(s.leaves.all(ids).map((r) => [key(r), r.status as 'pending' | 'approved' | 'declined']));
	const pathOf = new Map(s.units.all({ root }).map((u) => [u.id, u.path]));
	const index = memberIndex(members);

	// A branch's meetings mostly share one list: work each list out once.
	const lists = new Map<string, T[]>();
	const listOf = (json: string) => {
		let list = lists.get(json);
		if (!list) {
			const audience = JSON.parse(json) as Audience;
			const scope: AudienceScope = { unitPaths: audience.units.flatMap((id) => pathOf.get(id) ?? []), groupIds: audience.units, people: audience.people };
			lists.set(json, (list = audienceOf(index, scope)));
		}
		return list;
	};

	for (const mt of meetings) {
		for (const p of listOf(mt.audience)) {
			const k = `${mt.id}:${p.id}`;
			visit(mt, p, attendanceStatus({ startsAt: mt.startsAt, graceMin: mt.graceMin, checkedInAt: checkins.get(k) ?? null, leave: leaves.get(k) ?? null, mark: marks.get(k) ?? null }));
		}
	}
	return meetings;
}

/** Per member of `members`: closed meetings of the subtree in the period they were expected at, and how many they came to (present or late). */
export function attendanceTally(db: Db, root: string, from: number, to: number, members: MemberRef[]): Map<string, AttendanceTally> {
	const tally = new Map<string, AttendanceTally>();
	eachAttendance(db, root, from, to, members, (_mt, p, status) => {
		const t = tally.get(p.id) ?? { expected: 0, attended: 0, absent: 0 };
		t.expected++;
		if (status === 'present' || status === 'late') t.attended++;
		if (status === 'absent') t.absent++;
		tally.set(p.id, t);
	});
	return tally;
}
