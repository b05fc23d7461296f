import { memberExams } from '$lib/server/quiz/exam-attempt-service';
import { practiceBankList } from '$lib/server/quiz/practice-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	banks: await practiceBankList(locals.db, locals.actor!),
	exams: await memberExams(locals.db, locals.actor!)
});
