import { myPoints } from '$lib/server/points/points-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const before = Number(url.searchParams.get('before'));
	return myPoints(locals.db, locals.actor!, Date.now(), Number.isSafeInteger(before) && before > 0 ? before : undefined);
};
