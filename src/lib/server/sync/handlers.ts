import * as v from 'valibot';
import { prepareCheckin, prepareLeave } from '../attendance/checkin-service';
import { prepareMakeup } from '../attendance/member-meeting-service';
import type { Db } from '../db/client';
import { prepareExamAnswer, prepareExamEvent } from '../quiz/exam-attempt-service';
import { preparePracticeAnswer } from '../quiz/practice-service';
import { writeSettings } from '../settings/repo';
import { prepareProgress } from '../study/progress-service';
import { prepareReflection } from '../study/reflection-service';
import type { Actor } from '$lib/shared/roles';
import { CHECKIN_KIND, LEAVE_KIND, MAKEUP_KIND } from '$lib/shared/checkin/checkin-schemas';
import { firstIssue } from '$lib/shared/schemas';
import { EXAM_ANSWER_KIND, EXAM_EVENT_KIND } from '$lib/shared/quiz/exam-schemas';
import { PRACTICE_KIND } from '$lib/shared/quiz/practice-schemas';
import { PROGRESS_KIND } from '$lib/shared/study/plan-schemas';
import { REFLECTION_KIND } from '$lib/shared/study/reflection-schemas';
import { settingsPayloadSchema } from '$lib/shared/sync-schemas';

/**
 * Turns one op's payload into a write (run inside the batch's transaction), or a rejection in the
 * member's language. Permission checks belong here, before the write is built.
 */
export type OpHandler = (db: Db, actor: Actor, payload: unknown, deviceAt: number, now: number, opId: string) => { write: () => void } | { reject: string };

/** One entry per op kind. Later capabilities (reading progress, answers, check-ins…) add theirs here. */
export const opHandlers: Record<string, OpHandler> = {
	'settings.update': (db, actor, payload, deviceAt, now) => {
		const parsed = v.safeParse(settingsPayloadSchema, payload);
		if (!parsed.success) return { reject: firstIssue(parsed.issues) };
		return { write: () => writeSettings(db, actor.userId, parsed.output, deviceAt, now) };
	},
	[PRACTICE_KIND]: (db, actor, payload, deviceAt, now, opId) => preparePracticeAnswer(db, actor, opId, payload, deviceAt, now),
	[EXAM_ANSWER_KIND]: prepareExamAnswer,
	[EXAM_EVENT_KIND]: prepareExamEvent,
	[PROGRESS_KIND]: prepareProgress,
	[REFLECTION_KIND]: prepareReflection,
	[CHECKIN_KIND]: prepareCheckin,
	[LEAVE_KIND]: prepareLeave,
	[MAKEUP_KIND]: prepareMakeup
};
