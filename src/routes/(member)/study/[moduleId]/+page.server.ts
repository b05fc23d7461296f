import { moduleForMember } from '$lib/server/study/module-service';
import { moduleStudyState } from '$lib/server/study/plan-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({
	module: await moduleForMember(locals.db, locals.actor!, params.moduleId),
	state: await moduleStudyState(locals.db, locals.actor!, params.moduleId)
});
