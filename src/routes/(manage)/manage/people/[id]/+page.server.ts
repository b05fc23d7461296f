import { fail } from '@sveltejs/kit';
import { branchChoices, personFromForm } from '$lib/server/people/form';
import { getPerson, manageableTree, resetPassword, setActive, setRoles, updatePerson } from '$lib/server/people/service';
import { adminScopes } from '$lib/shared/org-tree';
import { checkbox } from '$lib/shared/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { user, branch, canManage, canDeactivate, canChangeRoles } = await getPerson(locals.db, locals.actor!, params.id);
	const tree = await manageableTree(locals.db, locals.actor!);
	const branches = branchChoices(tree).filter((b) => b.id === branch.id);
	return {
		person: {
			id: user.id,
			name: user.name,
			phone: user.phone,
			branchId: user.branchId,
			branchName: branch.name,
			groupId: user.groupId,
			retired: user.retired,
			activist: user.activist,
			active: user.active,
			secretary: user.secretaryOf === branch.id,
			adminOf: user.adminOf
		},
		adminScopes: canChangeRoles ? adminScopes(tree) : [],
		canChangeRoles,
		branches: branches.length ? branches : [{ id: branch.id, name: branch.name, groups: [] }],
		canManage,
		canDeactivate
	};
};

export const actions: Actions = {
	save: async ({ locals, request, params }) => {
		const input = personFromForm(await request.formData());
		const result = await updatePerson(locals.db, locals.actor!, params.id, input);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		return { saved: true };
	},
	roles: async ({ locals, request, params }) => {
		const form = await request.formData();
		const adminOf = form.get('adminOf');
		const result = await setRoles(locals.db, locals.actor!, params.id, { secretary: checkbox(form, 'secretary'), adminOf: typeof adminOf === 'string' && adminOf ? adminOf : null });
		if (!result.ok) return fail(400, { roleErrors: result.errors });
		return { rolesSaved: true };
	},
	reset: async ({ locals, params }) => ({ password: await resetPassword(locals.db, locals.actor!, params.id) }),
	deactivate: async ({ locals, params }) => {
		await setActive(locals.db, locals.actor!, params.id, false);
		return { deactivated: true };
	},
	reactivate: async ({ locals, params }) => {
		await setActive(locals.db, locals.actor!, params.id, true);
		return { reactivated: true };
	}
};
