import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/auth/cookies';
import { invalidateSession } from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/login');
};

export const actions: Actions = {
	default: async ({ locals, cookies, url, setHeaders }) => {
		if (locals.session) await invalidateSession(locals.db, locals.session.id);
		clearSessionCookie(cookies, url);
		// Pages cached for offline use hold this member's data: a shared phone must not show them to the next person.
		setHeaders({ 'clear-site-data': '"cache"' });
		redirect(303, '/login');
	}
};
