import { managedModules } from '$lib/server/study/module-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ modules: await managedModules(locals.db, locals.actor!) });
