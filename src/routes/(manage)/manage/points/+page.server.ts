import { fail } from '@sveltejs/kit';
import { rulesToEdit, setPointRules } from '$lib/server/points/points-service';
import { ranksHidden, setRanksHidden } from '$lib/server/reports/ranking-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ rules: rulesToEdit(locals.db, locals.actor!), ranksHidden: await ranksHidden(locals.db) });

export const actions: Actions = {
	rules: async ({ locals, request }) => {
		const form = await request.formData();
		const r = await setPointRules(locals.db, locals.actor!, (name) => {
			const value = form.get(name);
			return typeof value === 'string' ? value : null;
		});
		return r.ok ? { saved: true } : fail(400, { message: r.message });
	},
	ranks: async ({ locals, request }) => {
		const form = await request.formData();
		await setRanksHidden(locals.db, locals.actor!, form.get('hidden') === 'on');
		return { ranksSaved: true };
	}
};
