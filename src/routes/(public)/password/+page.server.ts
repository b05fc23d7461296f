import { fail, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { changeOwnPassword } from '$lib/server/auth/service';
import { safeNext } from '$lib/shared/safe-next';
import { formObject } from '$lib/shared/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/login');
	return { forced: locals.user.mustChangePassword };
};

export const actions: Actions = {
	default: async ({ locals, request, cookies, url }) => {
		if (!locals.user || !locals.session) redirect(303, '/login');
		const form = formObject(await request.formData(), ['current', 'password', 'confirm']);
		const result = await changeOwnPassword(
			locals.db,
			{ userId: locals.user.id, sessionId: locals.session.id, forced: locals.user.mustChangePassword },
			{ current: form.current, password: form.password, confirm: form.confirm }
		);
		if (!result.ok) return fail(400, { message: result.message, field: result.field });
		setSessionCookie(cookies, url, result.token, result.expiresAt);
		redirect(303, safeNext(url.searchParams.get('next'), '/me'));
	}
};
