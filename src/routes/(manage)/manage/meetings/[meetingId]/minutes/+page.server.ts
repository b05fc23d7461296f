import { minutesPage } from '$lib/server/attendance/meeting-roster-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => minutesPage(locals.db, locals.actor!, params.meetingId);
