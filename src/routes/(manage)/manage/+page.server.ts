import { listPeople } from '$lib/server/people/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const q = url.searchParams.get('q') ?? '';
	return { q, ...(await listPeople(locals.db, locals.actor!, q)) };
};
