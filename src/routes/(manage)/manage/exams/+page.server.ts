import { managedExams } from '$lib/server/quiz/exam-admin-service';
import { markingQueue } from '$lib/server/quiz/exam-marking-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	exams: await managedExams(locals.db, locals.actor!),
	waiting: (await markingQueue(locals.db, locals.actor!)).length
});
