import { lessonForMember } from '$lib/server/study/module-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => lessonForMember(locals.db, locals.actor!, params.moduleId, params.lessonId);
