import { learningRecord } from '$lib/server/reports/record-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => ({ record: await learningRecord(locals.db, locals.actor!, params.id, url.searchParams.get('period')) });
