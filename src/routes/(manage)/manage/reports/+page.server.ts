import { fail } from '@sveltejs/kit';
import { evaluateMember, evaluationReport } from '$lib/server/reports/evaluation-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({
	report: await evaluationReport(locals.db, locals.actor!, { unitId: url.searchParams.get('unit'), period: url.searchParams.get('period') })
});

export const actions: Actions = {
	evaluate: async ({ locals, request }) => {
		const form = await request.formData();
		const userId = String(form.get('userId') ?? '');
		const r = await evaluateMember(locals.db, locals.actor!, userId, String(form.get('period') ?? ''), { grade: String(form.get('grade') ?? ''), comment: String(form.get('comment') ?? '') });
		return r.ok ? { saved: userId } : fail(400, { userId, message: r.message });
	}
};
