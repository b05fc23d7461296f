import { pointsSummary } from '$lib/server/points/points-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ points: locals.actor ? pointsSummary(locals.db, locals.actor) : null });
