import { managedPlans } from '$lib/server/study/plan-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ plans: await managedPlans(locals.db, locals.actor!) });
