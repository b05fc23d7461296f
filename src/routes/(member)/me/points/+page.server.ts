import { myPoints } from '$lib/server/points/points-service';
import { memberRankings } from '$lib/server/reports/ranking-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const before = Number(url.searchParams.get('before'));
	return {
		...myPoints(locals.db, locals.actor!, Date.now(), Number.isSafeInteger(before) && before > 0 ? before : undefined),
		rankings: await memberRankings(locals.db, locals.actor!)
	};
};
