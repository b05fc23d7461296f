import { fail, redirect } from '@sveltejs/kit';
import { createExam, examFormChoices } from '$lib/server/quiz/exam-admin-service';
import { audienceFromForm } from '$lib/shared/audience-form';
import { formatBeijingLocal } from '$lib/shared/day';
import type { Actions, PageServerLoad } from './$types';

const RULE_ROWS = 5;

export const load: PageServerLoad = async ({ locals, url }) => {
	const now = Date.now();
	return {
		fixed: url.searchParams.getAll('q'),
		...(await examFormChoices(locals.db, locals.actor!)),
		defaults: { opens: formatBeijingLocal(now), closes: formatBeijingLocal(now + 7 * 24 * 60 * 60 * 1000) },
		ruleRows: RULE_ROWS
	};
};

/** The form's flat fields, turned into what the exam service validates. Empty rule rows are dropped. */
function examFromForm(form: FormData) {
	const text = (k: string) => String(form.get(k) ?? '');
	const rules = Array.from({ length: RULE_ROWS }, (_, i) => ({
		bankId: text(`rule${i}.bankId`),
		type: text(`rule${i}.type`),
		count: text(`rule${i}.count`),
		tags: text(`rule${i}.tags`),
		maxDifficulty: text(`rule${i}.maxDifficulty`)
	})).filter((r) => r.bankId && r.count.trim());
	const pointsByType = Object.fromEntries(
		['single', 'multiple', 'judge', 'fill', 'essay'].flatMap((t) => (text(`points.${t}`).trim() ? [[t, Number(text(`points.${t}`))]] : []))
	);
	return {
		title: text('title'),
		ownerUnitId: text('ownerUnitId'),
		opens: text('opens'),
		closes: text('closes'),
		timeLimitMin: text('timeLimitMin'),
		attemptsAllowed: text('attemptsAllowed'),
		passPercent: text('passPercent'),
		shuffleQuestions: form.get('shuffleQuestions') === 'on',
		shuffleOptions: form.get('shuffleOptions') === 'on',
		showResults: text('showResults'),
		...audienceFromForm(form),
		rules,
		fixedQuestionIds: form.getAll('fixed').map(String),
		pointsByType
	};
}

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const input = examFromForm(await request.formData());
		const result = await createExam(locals.db, locals.actor!, input);
		if (!result.ok) return fail(400, { message: result.message, values: input });
		redirect(303, `/manage/exams/${result.id}`);
	}
};
