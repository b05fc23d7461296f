import { fail, redirect } from '@sveltejs/kit';
import { bankForManagement } from '$lib/server/quiz/bank-service';
import { deleteQuestion, questionAsText, saveQuestion } from '$lib/server/quiz/question-service';
import type { Actions, PageServerLoad } from './$types';

/** `q/new` writes a new question; `q/<id>` shows one and saves edits as new versions. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const bank = await bankForManagement(locals.db, locals.actor!, params.bankId);
	if (params.questionId === 'new') return { bank, question: null, text: '' };
	const { question, text } = await questionAsText(locals.db, locals.actor!, params.bankId, params.questionId);
	return { bank, question, text };
};

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const form = await request.formData();
		const text = String(form.get('text') ?? '');
		const id = params.questionId === 'new' ? null : params.questionId;
		const result = await saveQuestion(locals.db, locals.actor!, params.bankId, id, text, form.get('confirmDuplicate') === 'on');
		if (!result.ok) return fail(400, { message: result.message, text, duplicate: 'duplicateOf' in result });
		if (!id) redirect(303, `/manage/questions/${params.bankId}/q/${result.id}?saved=1`);
		return { saved: true };
	},
	delete: async ({ locals, params }) => {
		await deleteQuestion(locals.db, locals.actor!, params.bankId, params.questionId);
		redirect(303, `/manage/questions/${params.bankId}`);
	}
};
