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

/** A lesson's audio or video: an upload (`/files/<hash>`) or a link to another site. */
export interface LessonMedia {
	kind: 'audio' | 'video';
	src: string;
	name: string;
}

/** A PDF to read alongside a lesson (always an upload). */
export interface LessonAttachment {
	src: string;
	name: string;
	size: number;
}

export const UPLOAD_SRC = /^\/files\/[0-9a-f]{64}$/;
const mediaSrc = v.pipe(
	v.string(),
	v.trim(),
	v.maxLength(500, () => m.err_lesson_media()),
	v.check((s) => s === '' || UPLOAD_SRC.test(s) || /^https?:\/\/[^\s"'<>]+$/i.test(s), () => m.err_lesson_media())
);

/** The media and attachment fields of the lesson form. */
export const lessonFilesSchema = v.object({
	mediaSrc: v.optional(mediaSrc, ''),
	mediaKind: v.optional(v.picklist(['audio', 'video', ''], () => m.err_lesson_media()), ''),
	attachments: v.optional(v.pipe(v.array(v.pipe(v.string(), v.regex(UPLOAD_SRC, () => m.err_lesson_attachment()))), v.maxLength(10, () => m.err_lesson_attachment())), [])
});

/** The lesson form's fields as the service takes them (attachments may repeat). */
export function lessonFromForm(form: FormData) {
	const text = (k: string) => String(form.get(k) ?? '');
	return { title: text('title'), body: text('body'), mediaSrc: text('mediaSrc'), mediaKind: text('mediaKind'), attachments: form.getAll('attachments').map(String) };
}

/** A refused lesson form, back in the shape the form shows (typed values kept, nothing lost). */
export function lessonFormValues(values: ReturnType<typeof lessonFromForm>) {
	return {
		title: values.title,
		body: values.body,
		media: values.mediaSrc ? { src: values.mediaSrc, kind: values.mediaKind === 'video' ? ('video' as const) : ('audio' as const), name: values.mediaSrc } : null,
		attachments: values.attachments.map((src) => ({ src, name: src, size: 0 }))
	};
}
