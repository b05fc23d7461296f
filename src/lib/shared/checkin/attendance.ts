/**
 * Who came to a meeting, as the 三会一课 record needs it: 出席, 迟到, 请假 (excused) or 缺席. One rule for
 * every screen and export, so the minutes, the statistics and the 补学 list never disagree.
 */
export type AttendanceStatus = 'present' | 'late' | 'excused' | 'absent';

/** Reasons a secretary gives when marking someone by hand (members without a phone, or who could not come). */
export const MARK_REASONS = ['leave', 'ill', 'away', 'frail', 'other'] as const;
export type MarkReason = (typeof MARK_REASONS)[number];

/** Minutes after the start that still count as on time (the meeting may set its own). */
export const DEFAULT_GRACE_MIN = 5;

export interface AttendanceFacts {
	startsAt: number;
	graceMin: number;
	/** When the member scanned (the phone's scan time for an offline scan accepted later), or null. */
	checkedInAt: number | null;
	/** The member's leave request for this meeting, if any. */
	leave: 'pending' | 'approved' | 'declined' | null;
	/** The secretary's hand mark, which has the last word. */
	mark: { status: AttendanceStatus; reason: MarkReason | null } | null;
}

export function attendanceStatus(f: AttendanceFacts): AttendanceStatus {
	if (f.mark) return f.mark.status;
	if (f.checkedInAt !== null) return f.checkedInAt <= f.startsAt + f.graceMin * 60_000 ? 'present' : 'late';
	return f.leave === 'approved' ? 'excused' : 'absent';
}

/** Absent or excused members owe a 补学 once the meeting is closed; those who came (even late) do not. */
export const owesMakeUp = (status: AttendanceStatus) => status === 'absent' || status === 'excused';

/** The order statuses are listed in, on the minutes and in the counts. */
export const STATUS_ORDER: AttendanceStatus[] = ['present', 'late', 'excused', 'absent'];
