import { fail } from '@sveltejs/kit';
import { examResults, publishExam } from '$lib/server/quiz/exam-admin-service';
import { examItemStats } from '$lib/server/quiz/exam-stats';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const r = await examResults(locals.db, locals.actor!, params.examId);
	const { exam, ...rest } = r;
	const items = await examItemStats(locals.db, locals.actor!, params.examId);
	return {
		items, exam: { id: exam.id, title: exam.title, status: exam.status, ownerName: exam.ownerName, opensAt: exam.opensAt, closesAt: exam.closesAt, timeLimitMin: exam.timeLimitMin, passPercent: exam.passPercent }, ...rest };
};

export const actions: Actions = {
	publish: async ({ locals, params }) => {
		const r = await publishExam(locals.db, locals.actor!, params.examId);
		if (!r.ok) return fail(400, { message: r.message });
		return { published: true };
	}
};
