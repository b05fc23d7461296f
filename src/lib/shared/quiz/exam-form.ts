import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { parseBeijingLocal } from '../day';
import { int, normalisePhone, optionalInt } from '../schemas';
import { SHOW_RESULTS } from './exam-schemas';
import { QUESTION_TYPES } from './types';

export const ruleInputSchema = v.object({
	bankId: v.pipe(v.string(), v.nonEmpty(() => m.err_exam_rule_bank())),
	type: v.picklist(QUESTION_TYPES, () => m.err_exam_rules()),
	count: int(1, 200, () => m.err_exam_rule_count()),
	tags: v.optional(v.pipe(v.string(), v.trim()), ''),
	maxDifficulty: optionalInt(1, 5, () => m.import_bad_difficulty({ value: '' }))
});

/** The exam form as the service receives it (from a form or JSON). Times are Beijing `datetime-local` values. */
export const examInputSchema = v.pipe(
	v.object({
		title: v.pipe(v.string(() => m.err_exam_title()), v.trim(), v.nonEmpty(() => m.err_exam_title()), v.maxLength(80, () => m.err_name_long())),
		ownerUnitId: v.pipe(v.string(), v.nonEmpty(() => m.err_bank_owner())),
		opens: v.pipe(v.string(() => m.err_exam_window()), v.transform(parseBeijingLocal), v.number(() => m.err_exam_window())),
		closes: v.pipe(v.string(() => m.err_exam_window()), v.transform(parseBeijingLocal), v.number(() => m.err_exam_window())),
		timeLimitMin: int(1, 600, () => m.err_exam_limit()),
		attemptsAllowed: int(1, 10, () => m.err_exam_attempts()),
		passPercent: int(0, 100, () => m.err_exam_pass()),
		shuffleQuestions: v.optional(v.boolean(), false),
		shuffleOptions: v.optional(v.boolean(), false),
		showResults: v.picklist(SHOW_RESULTS),
		audienceUnits: v.optional(v.array(v.string()), []),
		/** People named one by one (mobile numbers), besides or instead of whole units. */
		audiencePhones: v.optional(v.array(v.pipe(v.string(), v.transform(normalisePhone))), []),
		rules: v.pipe(v.array(ruleInputSchema), v.maxLength(20)),
		/** A fixed paper: these questions, in this order (chosen on a bank page). Rules are ignored then. */
		fixedQuestionIds: v.optional(v.pipe(v.array(v.string()), v.maxLength(500)), []),
		pointsByType: v.optional(v.record(v.picklist(QUESTION_TYPES), v.pipe(v.number(), v.minValue(0), v.maxValue(100))), {})
	}),
	v.check((e) => e.closes > e.opens, () => m.err_exam_window()),
	v.check((e) => e.rules.length > 0 || e.fixedQuestionIds.length > 0, () => m.err_exam_rules()),
	v.check((e) => e.audienceUnits.length > 0 || e.audiencePhones.length > 0, () => m.err_exam_audience())
);
export type ExamInput = v.InferOutput<typeof examInputSchema>;
