import { fail, redirect } from '@sveltejs/kit';
import { moduleToManage, publishModule, saveLesson, updateModule, uploadMaxMb } from '$lib/server/study/module-service';
import { lessonFormValues, lessonFromForm } from '$lib/shared/study/module-schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({ ...(await moduleToManage(locals.db, locals.actor!, params.moduleId)), maxMb: uploadMaxMb() });

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const values = Object.fromEntries(await request.formData()) as Record<string, string>;
		const r = await updateModule(locals.db, locals.actor!, params.moduleId, values);
		if (!r.ok) return fail(400, { message: r.message });
		return { saved: true };
	},
	lesson: async ({ locals, params, request }) => {
		const values = lessonFromForm(await request.formData());
		const r = await saveLesson(locals.db, locals.actor!, params.moduleId, null, values);
		if (!r.ok) return fail(400, { lessonMessage: r.message, lesson: lessonFormValues(values) });
		redirect(303, `/manage/modules/${params.moduleId}`);
	},
	publish: async ({ locals, params }) => {
		const r = await publishModule(locals.db, locals.actor!, params.moduleId);
		if (!r.ok) return fail(400, { message: r.message });
		return { published: true };
	}
};
