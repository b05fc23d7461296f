import { learningRecord } from '$lib/server/reports/record-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({ record: await learningRecord(locals.db, locals.actor!, locals.actor!.userId, url.searchParams.get('period')) });
