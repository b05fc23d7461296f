import type { Db } from '../db/client';
import { preparedFor } from '../db/prepared';
import type { AttendanceStatus, MarkReason } from '$lib/shared/checkin/attendance';
import type { MeetingType } from '$lib/shared/checkin/periods';

export interface MeetingRow {
	id: string;
	branchId: string;
	branchPath: string;
	branchName: string;
	type: MeetingType;
	title: string;
	startsAt: number;
	endsAt: number;
	place: string;
	host: string;
	audience: string;
	agenda: string;
	materials: string;
	graceMin: number;
	secret: string;
	minutes: string;
	/** JSON MeetingFile[] (meeting-files-service). */
	photos: string;
	attachments: string;
	makeupExamId: string | null;
	seriesId: string | null;
	closedAt: number | null;
}

export interface CheckinRow {
	userId: string;
	at: number;
	via: 'qr' | 'code' | 'scan' | 'admit';
}
export interface LeaveRow {
	userId: string;
	reason: string;
	status: 'pending' | 'approved' | 'declined';
	askedAt: number;
	decidedAt: number | null;
}
export interface MarkRow {
	userId: string;
	status: AttendanceStatus;
	reason: MarkReason | null;
	note: string;
}

const MEETING_COLUMNS = `m.id, m.branch_id AS branchId, o.path AS branchPath, o.name AS branchName, m.type, m.title, m.starts_at AS startsAt,
	m.ends_at AS endsAt, m.place, m.host, m.audience, m.agenda, m.materials, m.grace_min AS graceMin, m.secret, m.minutes,
	m.photos, m.attachments, m.makeup_exam_id AS makeupExamId, m.series_id AS seriesId, m.closed_at AS closedAt`;

export type NewMeeting = Omit<MeetingRow, 'branchPath' | 'branchName' | 'minutes' | 'photos' | 'attachments' | 'closedAt'> & { createdBy: string | null; now: number };

export type MeetingEdit = Pick<MeetingRow, 'type' | 'title' | 'startsAt' | 'endsAt' | 'place' | 'host' | 'audience' | 'agenda' | 'materials' | 'graceMin' | 'makeupExamId'>;

/** Check-ins arrive through /api/sync (inside its transaction) and the QR page: synchronous prepared statements throughout. */
const statements = preparedFor((db) => {
	const c = db.$client;
	return {
		insert: c.prepare(
			`INSERT INTO meetings (id, branch_id, type, title, starts_at, ends_at, place, host, audience, agenda, materials, grace_min, secret, makeup_exam_id, series_id, created_by, created_at, updated_at)
			 VALUES (@id, @branchId, @type, @title, @startsAt, @endsAt, @place, @host, @audience, @agenda, @materials, @graceMin, @secret, @makeupExamId, @seriesId, @createdBy, @now, @now)`
		),
		byId: c.prepare<[string], MeetingRow>(`SELECT ${MEETING_COLUMNS} FROM meetings m JOIN org_units o ON o.id = m.branch_id WHERE m.id = ?`),
		listUnder: c.prepare<[string, string], MeetingRow & { checkedIn: number }>(
			`SELECT ${MEETING_COLUMNS}, (SELECT count(*) FROM meeting_checkins k WHERE k.meeting_id = m.id) AS checkedIn
			   FROM meetings m JOIN org_units o ON o.id = m.branch_id
			  WHERE substr(o.path, 1, length(?)) = ? ORDER BY m.starts_at DESC LIMIT 300`
		),
		forMember: c.prepare<[string, string, number, number], MeetingRow>(
			`SELECT ${MEETING_COLUMNS} FROM meetings m JOIN org_units o ON o.id = m.branch_id
			  WHERE (m.branch_id = ? OR EXISTS (SELECT 1 FROM json_each(m.audience, '$.people') WHERE value = ?))
			    AND m.ends_at >= ? AND m.starts_at <= ? ORDER BY m.starts_at`
		),
		laterInSeries: c.prepare<[string, number], MeetingRow>(
			`SELECT ${MEETING_COLUMNS} FROM meetings m JOIN org_units o ON o.id = m.branch_id
			  WHERE m.series_id = ? AND m.starts_at > ? AND m.closed_at IS NULL ORDER BY m.starts_at`
		),
		closedUnder: c.prepare<[string, string, number], MeetingRow>(
			`SELECT ${MEETING_COLUMNS} FROM meetings m JOIN org_units o ON o.id = m.branch_id
			  WHERE substr(o.path, 1, length(?)) = ? AND m.closed_at IS NOT NULL AND m.starts_at >= ? ORDER BY m.starts_at`
		),
		unitPaths: c.prepare<[string], { id: string; path: string }>('SELECT id, path FROM org_units WHERE id IN (SELECT value FROM json_each(?))'),
		checkin: c.prepare<[string, string], CheckinRow>('SELECT user_id AS userId, at, via FROM meeting_checkins WHERE meeting_id = ? AND user_id = ?'),
		addCheckin: c.prepare('INSERT INTO meeting_checkins (meeting_id, user_id, at, via, received_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING'),
		checkins: c.prepare<[string], CheckinRow>('SELECT user_id AS userId, at, via FROM meeting_checkins WHERE meeting_id = ? ORDER BY at'),
		leaves: c.prepare<[string], LeaveRow>(
			'SELECT user_id AS userId, reason, status, asked_at AS askedAt, decided_at AS decidedAt FROM meeting_leaves WHERE meeting_id = ? ORDER BY asked_at'
		),
		leave: c.prepare<[string, string], LeaveRow>(
			'SELECT user_id AS userId, reason, status, asked_at AS askedAt, decided_at AS decidedAt FROM meeting_leaves WHERE meeting_id = ? AND user_id = ?'
		),
		askLeave: c.prepare(
			`INSERT INTO meeting_leaves (meeting_id, user_id, reason, status, asked_at) VALUES (?, ?, ?, 'pending', ?)
			 ON CONFLICT (meeting_id, user_id) DO UPDATE SET reason = excluded.reason, status = 'pending', asked_at = excluded.asked_at, decided_by = NULL, decided_at = NULL
			 WHERE meeting_leaves.status <> 'approved'`
		),
		decideLeave: c.prepare("UPDATE meeting_leaves SET status = ?, decided_by = ?, decided_at = ? WHERE meeting_id = ? AND user_id = ? AND status = 'pending'"),
		marks: c.prepare<[string], MarkRow>('SELECT user_id AS userId, status, reason, note FROM meeting_marks WHERE meeting_id = ?'),
		setMark: c.prepare(
			`INSERT INTO meeting_marks (meeting_id, user_id, status, reason, note, marked_by, marked_at) VALUES (?, ?, ?, ?, ?, ?, ?)
			 ON CONFLICT (meeting_id, user_id) DO UPDATE SET status = excluded.status, reason = excluded.reason, note = excluded.note, marked_by = excluded.marked_by, marked_at = excluded.marked_at`
		),
		clearMark: c.prepare('DELETE FROM meeting_marks WHERE meeting_id = ? AND user_id = ?'),
		update: c.prepare(
			`UPDATE meetings SET type = @type, title = @title, starts_at = @startsAt, ends_at = @endsAt, place = @place, host = @host, audience = @audience,
			        agenda = @agenda, materials = @materials, grace_min = @graceMin, makeup_exam_id = @makeupExamId, updated_at = @now WHERE id = @id AND closed_at IS NULL`
		),
		setAudience: c.prepare('UPDATE meetings SET audience = ?, updated_at = ? WHERE id = ?'),
		setMinutes: c.prepare('UPDATE meetings SET minutes = ?, updated_at = ? WHERE id = ?'),
		setPhotos: c.prepare('UPDATE meetings SET photos = ?, updated_at = ? WHERE id = ?'),
		setAttachments: c.prepare('UPDATE meetings SET attachments = ?, updated_at = ? WHERE id = ?'),
		close: c.prepare('UPDATE meetings SET closed_at = ?, updated_at = ? WHERE id = ? AND closed_at IS NULL'),
		cancellable: c.prepare<[string], { id: string }>(
			'SELECT id FROM meetings m WHERE id = ? AND closed_at IS NULL AND NOT EXISTS (SELECT 1 FROM meeting_checkins k WHERE k.meeting_id = m.id)'
		),
		dropLeaves: c.prepare('DELETE FROM meeting_leaves WHERE meeting_id = ?'),
		dropMarks: c.prepare('DELETE FROM meeting_marks WHERE meeting_id = ?'),
		dropMeeting: c.prepare('DELETE FROM meetings WHERE id = ?'),
		makeups: c.prepare<[string], { userId: string; doneAt: number }>('SELECT user_id AS userId, done_at AS doneAt FROM meeting_makeups WHERE meeting_id = ?'),
		addMakeup: c.prepare('INSERT INTO meeting_makeups (meeting_id, user_id, done_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
		mine: c.prepare<[{ ids: string; user: string }], { meetingId: string; checkedInAt: number | null; leave: string | null; leaveStatus: LeaveRow['status'] | null; markStatus: AttendanceStatus | null; markReason: MarkReason | null; makeupAt: number | null }>(
			`SELECT j.value AS meetingId, k.at AS checkedInAt, l.reason AS leave, l.status AS leaveStatus, mk.status AS markStatus, mk.reason AS markReason, mu.done_at AS makeupAt
			   FROM json_each(@ids) j
			   LEFT JOIN meeting_checkins k ON k.meeting_id = j.value AND k.user_id = @user
			   LEFT JOIN meeting_leaves l ON l.meeting_id = j.value AND l.user_id = @user
			   LEFT JOIN meeting_marks mk ON mk.meeting_id = j.value AND mk.user_id = @user
			   LEFT JOIN meeting_makeups mu ON mu.meeting_id = j.value AND mu.user_id = @user`
		)
	};
});

/** All SQL for 三会一课 meetings and their attendance. */
export function meetingRepo(db: Db) {
	const s = statements(db);
	return {
		insertMany(rows: NewMeeting[]) {
			db.$client.transaction(() => rows.forEach((r) => s.insert.run(r)))();
		},
		byId: (id: string): MeetingRow | undefined => s.byId.get(id),
		/** Meetings of the branches in a subtree, newest first, with how many have checked in. */
		listUnder: (rootPath: string) => s.listUnder.all(rootPath, rootPath),
		/** Meetings a member may be expected at (their branch's, or naming them) overlapping [from, to]. */
		forMember: (branchId: string, userId: string, from: number, to: number) => s.forMember.all(branchId, userId, from, to),
		/** The open meetings of a series after an instant, in order. */
		laterInSeries: (seriesId: string, after: number) => s.laterInSeries.all(seriesId, after),
		/** Closed (held) meetings of the branches in a subtree since an instant, oldest first. */
		closedUnder: (rootPath: string, since: number) => s.closedUnder.all(rootPath, rootPath, since),
		unitPaths: (unitIds: string[]) => s.unitPaths.all(JSON.stringify(unitIds)),
		checkin: (meetingId: string, userId: string) => s.checkin.get(meetingId, userId),
		/** The first check-in stands: a second one changes nothing. Returns whether this one was recorded. */
		addCheckin: (meetingId: string, userId: string, at: number, via: CheckinRow['via'], now: number) => s.addCheckin.run(meetingId, userId, at, via, now).changes === 1,
		checkins: (meetingId: string) => s.checkins.all(meetingId),
		leaves: (meetingId: string) => s.leaves.all(meetingId),
		leave: (meetingId: string, userId: string) => s.leave.get(meetingId, userId),
		/** Ask (or ask again after a refusal); an approved leave stays approved. */
		askLeave: (meetingId: string, userId: string, reason: string, at: number) => s.askLeave.run(meetingId, userId, reason, at).changes === 1,
		decideLeave: (meetingId: string, userId: string, status: 'approved' | 'declined', by: string, at: number) =>
			s.decideLeave.run(status, by, at, meetingId, userId).changes === 1,
		marks: (meetingId: string) => s.marks.all(meetingId),
		setMark: (meetingId: string, userId: string, mark: { status: AttendanceStatus; reason: MarkReason | null; note: string }, by: string, at: number) =>
			void s.setMark.run(meetingId, userId, mark.status, mark.reason, mark.note, by, at),
		clearMark: (meetingId: string, userId: string) => void s.clearMark.run(meetingId, userId),
		update: (meetingId: string, fields: MeetingEdit, now: number) => s.update.run({ ...fields, id: meetingId, now }).changes === 1,
		setAudience: (meetingId: string, audience: string, now: number) => void s.setAudience.run(audience, now, meetingId),
		setMinutes: (meetingId: string, minutes: string, now: number) => void s.setMinutes.run(minutes, now, meetingId),
		setFiles: (meetingId: string, list: 'photos' | 'attachments', json: string, now: number) => void (list === 'photos' ? s.setPhotos : s.setAttachments).run(json, now, meetingId),
		close: (meetingId: string, now: number) => s.close.run(now, now, meetingId).changes === 1,
		/** Take back a meeting nobody has checked into and that is not closed (so no 补学 yet), with its leaves and marks. Returns whether it went. */
		cancel: (meetingId: string): boolean =>
			db.$client.transaction(() => {
				if (!s.cancellable.get(meetingId)) return false;
				for (const drop of [s.dropLeaves, s.dropMarks, s.dropMeeting]) drop.run(meetingId);
				return true;
			})(),
		makeups: (meetingId: string) => s.makeups.all(meetingId),
		addMakeup: (meetingId: string, userId: string, at: number) => s.addMakeup.run(meetingId, userId, at).changes === 1,
		/** One member's check-in, leave, mark and 补学 for each of these meetings. */
		mine: (meetingIds: string[], userId: string) => s.mine.all({ ids: JSON.stringify(meetingIds), user: userId })
	};
}
