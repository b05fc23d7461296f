import { fail, redirect } from '@sveltejs/kit';
import { bankOwnerChoices } from '$lib/server/quiz/bank-service';
import { createModule } from '$lib/server/study/module-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ owners: await bankOwnerChoices(locals.db, locals.actor!) });

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const values = Object.fromEntries(await request.formData()) as Record<string, string>;
		const r = await createModule(locals.db, locals.actor!, values);
		if (!r.ok) return fail(400, { message: r.message, values });
		redirect(303, `/manage/modules/${r.id}`);
	}
};
