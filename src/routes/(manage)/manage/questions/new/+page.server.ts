import { fail, redirect } from '@sveltejs/kit';
import { bankOwnerChoices, createBank } from '$lib/server/quiz/bank-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ owners: await bankOwnerChoices(locals.db, locals.actor!) });

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const values = Object.fromEntries(await request.formData()) as Record<string, string>;
		const result = await createBank(locals.db, locals.actor!, values);
		if (!result.ok) return fail(400, { message: result.message, values });
		redirect(303, `/manage/questions/${result.id}`);
	}
};
