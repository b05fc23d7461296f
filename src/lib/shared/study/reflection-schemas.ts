import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';

export const REFLECTION_KIND = 'reflection.submit';
export const MAX_REFLECTION_CHARS = 5000;

/** Characters as a reader counts them (a Chinese character or an emoji is one), spaces at the ends left out. */
export const reflectionLength = (body: string) => Array.from(body.trim()).length;

/** A 学习心得 handed in through the outbox. The same id again (after 退回修改) replaces the text. */
export const reflectionPayloadSchema = v.object({
	reflectionId: v.pipe(v.string(), v.regex(/^[0-9a-f-]{36}$/i, () => m.err_op_id())),
	moduleId: v.pipe(v.string(), v.nonEmpty(), v.maxLength(64)),
	planId: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(64))), null),
	body: v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty(() => m.err_reflection_empty()),
		v.check((b) => reflectionLength(b) <= MAX_REFLECTION_CHARS, () => m.err_reflection_long({ max: MAX_REFLECTION_CHARS }))
	)
});
export type ReflectionPayload = v.InferOutput<typeof reflectionPayloadSchema>;

export const GRADES = ['excellent', 'good', 'pass', 'improve'] as const;
export type Grade = (typeof GRADES)[number];

/** The secretary's review: a grade and a comment, or 退回修改 with a comment saying what to change. */
export const reviewInputSchema = v.variant('action', [
	v.object({
		action: v.literal('grade'),
		grade: v.picklist(GRADES, () => m.err_review_grade()),
		comment: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(1000, () => m.err_name_long())), '')
	}),
	v.object({
		action: v.literal('return'),
		comment: v.pipe(v.string(() => m.err_review_return_comment()), v.trim(), v.nonEmpty(() => m.err_review_return_comment()), v.maxLength(1000, () => m.err_name_long()))
	})
]);
export type ReviewInput = v.InferOutput<typeof reviewInputSchema>;
