import { fail } from '@sveltejs/kit';
import { markAnswer, markingQueue } from '$lib/server/quiz/exam-marking-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ queue: await markingQueue(locals.db, locals.actor!) });

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const form = await request.formData();
		const attemptId = String(form.get('attemptId') ?? '');
		const questionId = String(form.get('questionId') ?? '');
		const raw = String(form.get('score') ?? '').trim();
		const r = await markAnswer(locals.db, locals.actor!, attemptId, questionId, raw === '' ? NaN : Number(raw), String(form.get('comment') ?? ''));
		if (!r.ok) return fail(400, { message: r.message, attemptId, questionId });
		return { marked: true };
	}
};
