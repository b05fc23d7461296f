import { listBanks } from '$lib/server/quiz/bank-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ banks: await listBanks(locals.db, locals.actor!) });
