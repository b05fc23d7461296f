import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { TRACKS } from '../quiz/bank-schemas';

export const moduleFormSchema = v.object({
	title: v.pipe(v.string(() => m.err_module_title()), v.trim(), v.nonEmpty(() => m.err_module_title()), v.maxLength(80, () => m.err_name_long())),
	track: v.picklist(TRACKS, () => m.err_bank_track()),
	summary: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(500, () => m.err_name_long())), ''),
	tags: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, () => m.err_name_long())), ''),
	ownerUnitId: v.pipe(v.string(() => m.err_bank_owner()), v.nonEmpty(() => m.err_bank_owner()))
});

export const MAX_LESSON_CHARS = 200_000;

export const lessonFormSchema = v.object({
	title: v.pipe(v.string(() => m.err_lesson_title()), v.trim(), v.nonEmpty(() => m.err_lesson_title()), v.maxLength(80, () => m.err_name_long())),
	body: v.pipe(v.string(), v.maxLength(MAX_LESSON_CHARS, () => m.err_lesson_long()))
});
