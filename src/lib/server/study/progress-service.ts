import * as v from 'valibot';
import { policy } from '../auth/policy';
import type { Db } from '../db/client';
import { awards } from '../points/awards';
import { progressRepo } from './progress-repo';
import { m } from '$lib/paraglide/messages';
import { beijingDay } from '$lib/shared/day';
import type { Actor } from '$lib/shared/roles';
import { firstIssue } from '$lib/shared/schemas';
import { creditFor, lessonCapMs } from '$lib/shared/study/credit-rules';
import { progressPayloadSchema } from '$lib/shared/study/plan-schemas';
import { readingMinutes } from '$lib/shared/study/reading-time';

/** Reading estimates by lesson version: the body is read and measured once per edit, not per report. */
const estimates = new Map<string, number>();

function estimateOf(db: Db, lessonId: string, updatedAt: number): number {
	const key = `${lessonId}@${updatedAt}`;
	let minutes = estimates.get(key);
	if (minutes === undefined) {
		if (estimates.size > 5000) estimates.clear();
		minutes = readingMinutes(progressRepo(db).body(lessonId));
		estimates.set(key, minutes);
	}
	return minutes;
}

/**
 * A `study.progress` op: one span of effective reading from the phone. The member must still be
 * allowed to study the lesson; what is credited is decided inside the batch's transaction, after any
 * earlier report in the same batch (see shared/study/credit-rules.ts).
 */
export function prepareProgress(db: Db, actor: Actor, payload: unknown, _deviceAt: number, now: number, opId: string): { write: () => void } | { reject: string } {
	const parsed = v.safeParse(progressPayloadSchema, payload);
	if (!parsed.success) return { reject: firstIssue(parsed.issues) };
	const span = parsed.output;
	const repo = progressRepo(db);
	const lesson = repo.access(span.lessonId);
	if (!lesson || !policy.studyModule(actor, lesson)) return { reject: m.err_progress_lesson() };
	const cap = lessonCapMs(estimateOf(db, lesson.lessonId, lesson.updatedAt));
	return {
		write: () => {
			const day = beijingDay(Math.min(span.toAt, now));
			const state = { covered: repo.covered(actor.userId, span.fromAt, span.toAt), dayMs: repo.dayMs(actor.userId, day), lessonMs: repo.lessonMs(actor.userId, span.lessonId) };
			const creditedMs = creditFor(span, state, cap, now);
			repo.credit({ id: opId, userId: actor.userId, lessonId: span.lessonId, day, fromAt: span.fromAt, toAt: span.toAt, claimedMs: span.ms, creditedMs, now });
			if (creditedMs > 0) awards.study(db, actor.userId, day, state.dayMs + creditedMs, Math.min(span.toAt, now), now);
		}
	};
}
