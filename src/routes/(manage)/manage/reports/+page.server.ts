import { fail } from '@sveltejs/kit';
import { evaluateMember, evaluationReport } from '$lib/server/reports/evaluation-service';
import { topOf } from '$lib/server/reports/ranking-service';
import { rankByPoints } from '$lib/shared/reports/ranking';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const report = await evaluationReport(locals.db, locals.actor!, { unitId: url.searchParams.get('unit'), period: url.searchParams.get('period') });
	// Member cards only for one branch: an organisation's thousands of rows go to the Excel export, not the page.
	return { report: { ...report, members: report.unit.kind === 'branch' ? report.members : [] }, top: topOf(rankByPoints(report.members).map(({ rank, row }) => ({ rank, id: row.id, name: row.name, branchName: row.branchName, points: row.points })))
	};
};

export const actions: Actions = {
	evaluate: async ({ locals, request }) => {
		const form = await request.formData();
		const userId = String(form.get('userId') ?? '');
		const r = await evaluateMember(locals.db, locals.actor!, userId, String(form.get('period') ?? ''), { grade: String(form.get('grade') ?? ''), comment: String(form.get('comment') ?? '') });
		return r.ok ? { saved: userId } : fail(400, { userId, message: r.message });
	}
};
