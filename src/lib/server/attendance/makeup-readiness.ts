import type { Db } from '../db/client';
import { makeupRepo } from './makeup-repo';
import { m } from '$lib/paraglide/messages';
import { attemptPassed } from '$lib/shared/quiz/exam-pass';
import { requiredMs } from '$lib/shared/study/plan-progress';
import { readingMinutes } from '$lib/shared/study/reading-time';

export interface MakeupExamState {
	id: string;
	title: string;
	opensAt: number;
	closesAt: number;
	/** Passed (any graded attempt at the pass mark), handed in and waiting for marking, taken and failed, or not taken. */
	state: 'passed' | 'marking' | 'failed' | 'not_taken';
	closed: boolean;
}

export interface MakeupReadiness {
	materials: { id: string; title: string; lessons: number; done: number }[];
	exam: MakeupExamState | null;
}

/** How far a member is with a meeting's 补学: each linked module read (reading credit as in study) and the linked exam. */
export function makeupReadiness(db: Db, meeting: { materials: string; makeupExamId: string | null }, userId: string, now: number): MakeupReadiness {
	const repo = makeupRepo(db);
	const moduleIds = JSON.parse(meeting.materials) as string[];
	const lessons = moduleIds.length ? repo.lessonsRead(userId, moduleIds) : [];
	const materials = repo.modules(moduleIds).map((mod) => {
		const own = lessons.filter((l) => l.moduleId === mod.id);
		return { id: mod.id, title: mod.title, lessons: own.length, done: own.filter((l) => l.ms >= requiredMs(null, readingMinutes(l.body))).length };
	});
	const exam = meeting.makeupExamId ? repo.exam(meeting.makeupExamId) : undefined;
	if (!exam) return { materials, exam: null };
	const attempts = repo.attempts(exam.id, userId);
	const state = attempts.some((a) => attemptPassed(a, exam.passPercent))
		? 'passed'
		: attempts.some((a) => a.status === 'marking')
			? 'marking'
			: attempts.some((a) => a.status === 'graded')
				? 'failed'
				: 'not_taken';
	return { materials, exam: { id: exam.id, title: exam.title, opensAt: exam.opensAt, closesAt: exam.closesAt, state, closed: now >= exam.closesAt } };
}

/**
 * Why the 补学 cannot be confirmed yet, or null: a linked module not read, or the linked exam not passed
 * while it is still open. An exam that closed before the member passed it no longer holds the 补学 up:
 * they can no longer sit it, and the exam's results show the secretary they did not pass.
 */
export function makeupBlocker(r: MakeupReadiness): string | null {
	const unread = r.materials.filter((mt) => mt.done < mt.lessons);
	if (unread.length) return m.err_makeup_unread({ titles: unread.map((u) => (u.title.startsWith('《') ? u.title : `《${u.title}》`)).join('、') });
	if (r.exam && r.exam.state !== 'passed' && !r.exam.closed) return m.err_makeup_exam({ title: r.exam.title });
	return null;
}
