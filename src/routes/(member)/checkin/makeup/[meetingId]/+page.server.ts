import { fail } from '@sveltejs/kit';
import { completeMakeup, makeupFor } from '$lib/server/attendance/member-meeting-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => makeupFor(locals.db, locals.actor!, params.meetingId);

export const actions: Actions = {
	default: async ({ locals, params }) => {
		const r = await completeMakeup(locals.db, locals.actor!, params.meetingId);
		return r.ok ? { done: true } : fail(400, { message: r.message });
	}
};
