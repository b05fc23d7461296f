import { fail } from '@sveltejs/kit';
import { bankToEdit, updateBank } from '$lib/server/quiz/bank-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({ bank: await bankToEdit(locals.db, locals.actor!, params.bankId) });

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const values = Object.fromEntries(await request.formData()) as Record<string, string>;
		const result = await updateBank(locals.db, locals.actor!, params.bankId, values);
		if (!result.ok) return fail(400, { message: result.message, values });
		return { saved: true };
	}
};
