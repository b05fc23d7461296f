import { m } from '$lib/paraglide/messages';
import type { AttendanceStatus, MarkReason } from './attendance';
import type { MeetingType } from './periods';

const STATUS: Record<AttendanceStatus, () => string> = { present: m.status_present, late: m.status_late, excused: m.status_excused, absent: m.status_absent };
const TYPE: Record<MeetingType, () => string> = {
	assembly: m.meeting_type_assembly,
	committee: m.meeting_type_committee,
	group: m.meeting_type_group,
	lecture: m.meeting_type_lecture,
	theme_day: m.meeting_type_theme_day,
	study: m.meeting_type_study,
	other: m.meeting_type_other
};
const REASON: Record<MarkReason, () => string> = { leave: m.mark_reason_leave, ill: m.mark_reason_ill, away: m.mark_reason_away, frail: m.mark_reason_frail, other: m.mark_reason_other };

export const statusLabel = (s: string) => STATUS[s as AttendanceStatus]?.() ?? s;
export const meetingTypeLabel = (t: string) => TYPE[t as MeetingType]?.() ?? t;
export const reasonLabel = (r: string) => REASON[r as MarkReason]?.() ?? r;
