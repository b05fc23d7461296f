import { managedMeetings } from '$lib/server/attendance/meeting-admin-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ meetings: managedMeetings(locals.db, locals.actor!), now: Date.now() });
