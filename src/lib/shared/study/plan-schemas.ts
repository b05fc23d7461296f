import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { isIsoDate } from '../quiz/parse-text';
import { int, normalisePhone, optionalInt } from '../schemas';

export const DEFAULT_MIN_REFLECTION_CHARS = 50;

const day = v.pipe(v.string(() => m.err_plan_dates()), v.trim(), v.check(isIsoDate, () => m.err_plan_dates()));

/** The plan form as the service receives it. Dates are Beijing days (YYYY-MM-DD), both included. */
export const planInputSchema = v.pipe(
	v.object({
		title: v.pipe(v.string(() => m.err_plan_title()), v.trim(), v.nonEmpty(() => m.err_plan_title()), v.maxLength(80, () => m.err_name_long())),
		branchId: v.pipe(v.string(() => m.err_plan_branch()), v.nonEmpty(() => m.err_plan_branch())),
		moduleIds: v.pipe(v.array(v.string()), v.minLength(1, () => m.err_plan_modules()), v.maxLength(20, () => m.err_plan_modules())),
		startsOn: day,
		dueOn: day,
		/** Empty: each lesson's reading estimate. */
		minMinutes: optionalInt(1, 60, () => m.err_plan_minutes()),
		minReflectionChars: v.optional(int(10, 2000, () => m.err_plan_reflection_chars()), DEFAULT_MIN_REFLECTION_CHARS),
		peerComments: v.optional(v.boolean(), false),
		audienceUnits: v.optional(v.array(v.string()), []),
		audiencePhones: v.optional(v.array(v.pipe(v.string(), v.transform(normalisePhone))), [])
	}),
	v.check((p) => p.dueOn >= p.startsOn, () => m.err_plan_dates()),
	v.check((p) => p.audienceUnits.length > 0 || p.audiencePhones.filter(Boolean).length > 0, () => m.err_plan_audience())
);
export type PlanInput = v.InferOutput<typeof planInputSchema>;

export const PROGRESS_KIND = 'study.progress';
const DAY_MS = 24 * 60 * 60 * 1000;

/** One reading span from the phone's ReadingClock, through the outbox. */
export const progressPayloadSchema = v.pipe(
	v.object({
		lessonId: v.pipe(v.string(), v.nonEmpty(), v.maxLength(64)),
		fromAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
		toAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
		ms: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(DAY_MS))
	}),
	v.check((p) => p.toAt >= p.fromAt && p.toAt - p.fromAt <= DAY_MS, () => m.err_progress_span())
);
export type ProgressPayload = v.InferOutput<typeof progressPayloadSchema>;
