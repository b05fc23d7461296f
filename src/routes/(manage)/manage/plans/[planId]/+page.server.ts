import { planReport, remindOverdue } from '$lib/server/study/plan-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => planReport(locals.db, locals.actor!, params.planId);

export const actions: Actions = {
	remind: async ({ locals, params }) => ({ reminded: await remindOverdue(locals.db, locals.actor!, params.planId) })
};
