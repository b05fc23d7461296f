import { fail, redirect } from '@sveltejs/kit';
import { contestFormChoices, createContest } from '$lib/server/contest/contest-admin-service';
import { MAX_ROUNDS } from '$lib/shared/contest/contest-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({
	fixed: url.searchParams.getAll('q'),
	...(await contestFormChoices(locals.db, locals.actor!)),
	roundRows: MAX_ROUNDS
});

/** The form's flat fields, as the contest service validates them. Rows left "not used" are dropped. */
function contestFromForm(form: FormData) {
	const text = (k: string) => String(form.get(k) ?? '');
	const rounds = Array.from({ length: MAX_ROUNDS }, (_, i) => {
		const f = (k: string) => text(`round${i}.${k}`);
		return {
			kind: f('kind'),
			bankId: f('bankId'),
			type: f('type'),
			count: f('count'),
			tags: f('tags'),
			maxDifficulty: f('maxDifficulty'),
			seconds: f('seconds'),
			readSeconds: f('readSeconds'),
			scoring: f('scoring'),
			points: f('points'),
			fullSeconds: f('fullSeconds') || '5',
			streak: form.get(`round${i}.streak`) === 'on',
			penalty: f('penalty') || '0'
		};
	}).filter((r) => r.kind !== '');
	return {
		title: text('title'),
		ownerUnitId: text('ownerUnitId'),
		teams: text('teams'),
		teamScore: text('teamScore') || 'sum',
		teamNames: text('teamNames'),
		guests: form.get('guests') === 'on',
		rounds,
		fixedQuestionIds: form.getAll('fixed').map(String)
	};
}

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const input = contestFromForm(await request.formData());
		const result = await createContest(locals.db, locals.actor!, input);
		if (!result.ok) return fail(400, { message: result.message, values: input });
		redirect(303, `/manage/contests/${result.id}`);
	}
};
