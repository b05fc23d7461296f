import { dashboard } from '$lib/server/reports/dashboard-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({ dashboard: await dashboard(locals.db, locals.actor!, url.searchParams.get('unit')) });
