import { fail } from '@sveltejs/kit';
import { branchChoices, personFromForm } from '$lib/server/people/form';
import { createPerson, manageableTree } from '$lib/server/people/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	branches: branchChoices(await manageableTree(locals.db, locals.actor!))
});

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const input = personFromForm(await request.formData());
		const result = await createPerson(locals.db, locals.actor!, input);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		const { user, password } = result.value;
		return { created: { id: user.id, name: user.name, phone: user.phone, password } };
	}
};
