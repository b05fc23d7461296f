import { myReflections } from '$lib/server/study/reflection-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ reflections: await myReflections(locals.db, locals.actor!) });
