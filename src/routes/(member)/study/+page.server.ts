import { markNoticesRead, unreadNotices } from '$lib/server/notices/service';
import { library } from '$lib/server/study/module-service';
import { memberPlans } from '$lib/server/study/plan-service';
import { unseenReviews } from '$lib/server/study/reflection-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const q = url.searchParams.get('q') ?? '';
	const actor = locals.actor!;
	return {
		q,
		plans: await memberPlans(locals.db, actor),
		notices: await unreadNotices(locals.db, actor),
		newReviews: await unseenReviews(locals.db, actor),
		modules: await library(locals.db, actor, q.slice(0, 40))
	};
};

export const actions: Actions = {
	dismiss: async ({ locals, request }) => {
		const form = await request.formData();
		await markNoticesRead(locals.db, locals.actor!, form.getAll('id').map(String));
	}
};
