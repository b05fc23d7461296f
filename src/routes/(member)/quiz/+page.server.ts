import { practiceBankList } from '$lib/server/quiz/practice-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ banks: await practiceBankList(locals.db, locals.actor!) });
