import { bankQuestions, PAGE_SIZE } from '$lib/server/quiz/bank-service';
import { QUESTION_TYPES, type QuestionType } from '$lib/shared/quiz/types';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const q = url.searchParams;
	const type = QUESTION_TYPES.find((t) => t === q.get('type')) as QuestionType | undefined;
	const filter = { type, tag: q.get('tag') || undefined, text: q.get('text')?.trim() || undefined, expired: q.get('expired') === '1', struggling: q.get('struggling') === '1' };
	const page = Math.max(1, Number(q.get('page')) || 1);
	const result = await bankQuestions(locals.db, locals.actor!, params.bankId, filter, page);
	return { ...result, filter, page, pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)), offset: (page - 1) * PAGE_SIZE };
};
