import { fail } from '@sveltejs/kit';
import { rulesToEdit, setPointRules } from '$lib/server/points/points-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ rules: rulesToEdit(locals.db, locals.actor!) });

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const form = await request.formData();
		const r = await setPointRules(locals.db, locals.actor!, (name) => {
			const value = form.get(name);
			return typeof value === 'string' ? value : null;
		});
		return r.ok ? { saved: true } : fail(400, { message: r.message });
	}
};
