import { contestResults } from '$lib/server/contest/contest-results';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const results = await contestResults(locals.db, locals.actor!, params.contestId);
	// Player ids stay on the server.
	return { ...results, players: results.players.map(({ playerId: _, ...p }) => p) };
};
