import { library } from '$lib/server/study/module-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const q = url.searchParams.get('q') ?? '';
	return { q, modules: await library(locals.db, locals.actor!, q.slice(0, 40)) };
};
