import { fail } from '@sveltejs/kit';
import { policy } from '$lib/server/auth/policy';
import { listBanks } from '$lib/server/quiz/bank-service';
import { dailyCap, MAX_DAILY_CAP, setDailyCap } from '$lib/server/quiz/practice-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	banks: await listBanks(locals.db, locals.actor!),
	settings: policy.manageAppSettings(locals.actor!) ? { dailyCap: await dailyCap(locals.db), max: MAX_DAILY_CAP } : null
});

export const actions: Actions = {
	settings: async ({ locals, request }) => {
		const value = (await request.formData()).get('dailyCap');
		const r = await setDailyCap(locals.db, locals.actor!, value);
		if (!r.ok) return fail(400, { message: r.message });
		return { saved: true };
	}
};
