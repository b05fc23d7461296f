import { error, fail } from '@sveltejs/kit';
import { moduleToManage, saveLesson, uploadMaxMb } from '$lib/server/study/module-service';
import { lessonFormValues, lessonFromForm } from '$lib/shared/study/module-schemas';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { module: mod, lessons } = await moduleToManage(locals.db, locals.actor!, params.moduleId);
	const lesson = lessons.find((l) => l.id === params.lessonId);
	if (!lesson) error(404, m.err_lesson_missing());
	return { module: { id: mod.id, title: mod.title }, lesson, maxMb: uploadMaxMb() };
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const values = lessonFromForm(await request.formData());
		const r = await saveLesson(locals.db, locals.actor!, params.moduleId, params.lessonId, values);
		if (!r.ok) return fail(400, { message: r.message, values: lessonFormValues(values) });
		return { saved: true };
	}
};
