import { fail, redirect } from '@sveltejs/kit';
import { createPlan, planFormChoices } from '$lib/server/study/plan-service';
import { audienceFromForm } from '$lib/shared/audience-form';
import { beijingDay } from '$lib/shared/day';
import { checkbox } from '$lib/shared/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const now = Date.now();
	return { ...(await planFormChoices(locals.db, locals.actor!)), defaults: { startsOn: beijingDay(now), dueOn: beijingDay(now + 14 * 24 * 60 * 60 * 1000) } };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const form = await request.formData();
		const text = (k: string) => String(form.get(k) ?? '');
		const input = {
			title: text('title'),
			branchId: text('branchId'),
			moduleIds: form.getAll('moduleIds').map(String),
			startsOn: text('startsOn'),
			dueOn: text('dueOn'),
			minMinutes: text('minMinutes'),
			minReflectionChars: text('minReflectionChars'),
			peerComments: checkbox(form, 'peerComments'),
			...audienceFromForm(form)
		};
		const result = await createPlan(locals.db, locals.actor!, input);
		if (!result.ok) return fail(400, { message: result.message, values: input });
		redirect(303, `/manage/plans/${result.id}`);
	}
};
