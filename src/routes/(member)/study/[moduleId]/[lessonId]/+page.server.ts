import { lessonForMember } from '$lib/server/study/module-service';
import { moduleStudyState } from '$lib/server/study/plan-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const latest = url.searchParams.has('latest');
	const page = await lessonForMember(locals.db, locals.actor!, params.moduleId, params.lessonId, latest);
	const state = await moduleStudyState(locals.db, locals.actor!, params.moduleId);
	return { ...page, progress: state.lessons[params.lessonId] ?? { ms: 0, requiredMs: page.lesson.minutes * 60_000 } };
};
