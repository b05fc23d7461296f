import { error, fail } from '@sveltejs/kit';
import { createOrgUnit, manageableTree } from '$lib/server/people/service';
import { formObject } from '$lib/shared/schemas';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.actor?.adminOf) error(403, m.org_admin_only());
	return { tree: await manageableTree(locals.db, locals.actor) };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const input = formObject(await request.formData(), ['parentId', 'kind', 'name']);
		const result = await createOrgUnit(locals.db, locals.actor!, input);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		return { added: result.value.name };
	}
};
