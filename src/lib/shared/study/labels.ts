import { m } from '$lib/paraglide/messages';
import type { Grade } from './reflection-schemas';

export const gradeLabel = (g: Grade) => ({ excellent: m.grade_excellent, good: m.grade_good, pass: m.grade_pass, improve: m.grade_improve })[g]();

export const reflectionStatusLabel = (s: 'submitted' | 'returned' | 'reviewed') =>
	({ submitted: m.reflection_status_submitted, returned: m.reflection_status_returned, reviewed: m.reflection_status_reviewed })[s]();

/** A member's reflection on a plan module, in a word: its grade once reviewed, else its state; a dash if none. */
export function reflectionText(r: { status: 'submitted' | 'returned' | 'reviewed'; grade: Grade | null } | null): string {
	if (!r) return '—';
	return r.status === 'reviewed' && r.grade ? gradeLabel(r.grade) : reflectionStatusLabel(r.status);
}

export function planStateText(s: { complete: boolean; overdue: boolean }): string {
	return s.complete ? m.plan_state_complete() : s.overdue ? m.plan_state_overdue() : m.plan_state_doing();
}
