import { fail, redirect } from '@sveltejs/kit';
import { confirmPassword } from '$lib/server/auth/service';
import { safeNext } from '$lib/shared/safe-next';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/login');
};

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		if (!locals.user || !locals.session) redirect(303, '/login');
		const password = (await request.formData()).get('password');
		const result = await confirmPassword(locals.db, { userId: locals.user.id, sessionId: locals.session.id }, typeof password === 'string' ? password : '');
		if (!result.ok) return fail(400, { message: result.message });
		redirect(303, safeNext(url.searchParams.get('next'), '/manage'));
	}
};
