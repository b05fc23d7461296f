import { fail } from '@sveltejs/kit';
import { branchChoices, personFromForm } from '$lib/server/people/form';
import { getPerson, manageableTree, movePerson, movesOf, resetPassword, setActive, setRoles, updatePerson } from '$lib/server/people/service';
import { adminScopes } from '$lib/shared/org-tree';
import { checkbox } from '$lib/shared/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { user, branch, canManage, canDeactivate, canChangeRoles } = await getPerson(locals.db, locals.actor!, params.id);
	const tree = await manageableTree(locals.db, locals.actor!);
	const choices = branchChoices(tree);
	const branches = choices.filter((b) => b.id === branch.id);
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
		canDeactivate,
		// Other branches the actor may move this person to (the server checks again).
		moveTo: canManage ? choices.filter((b) => b.id !== branch.id) : [],
		moves: await movesOf(locals.db, locals.actor!, params.id)
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
	move: async ({ locals, request, params }) => {
		const [branchId = '', groupId = ''] = String((await request.formData()).get('to') ?? '').split('|');
		const result = await movePerson(locals.db, locals.actor!, params.id, { branchId, groupId: groupId || null });
		if (!result.ok) return fail(400, { moveError: Object.values(result.errors)[0] });
		return { movedTo: result.value.to };
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
