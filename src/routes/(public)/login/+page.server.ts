import { fail, redirect } from '@sveltejs/kit';
import { setSessionCookie, setSettingsCookies } from '$lib/server/auth/cookies';
import { signIn } from '$lib/server/auth/service';
import { DEMO_LOGINS, DEMO_PASSWORD } from '$lib/server/db/seed/demo';
import { peopleRepo } from '$lib/server/people/repo';
import { settingsRepo, toMemberSettings } from '$lib/server/settings/repo';
import { safeNext } from '$lib/shared/safe-next';
import { formObject } from '$lib/shared/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	const demo = await peopleRepo(locals.db).hasDemoOrganisation();
	return { demo: demo ? { logins: DEMO_LOGINS, password: DEMO_PASSWORD } : null };
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url }) => {
		const form = await request.formData();
		const result = await signIn(locals.db, formObject(form, ['phone', 'password']));
		if (!result.ok) return fail(400, { message: result.message, phone: result.phone });
		setSessionCookie(cookies, url, result.token, result.expiresAt);
		// The member's settings follow them to this device from the first page on.
		setSettingsCookies(cookies, toMemberSettings(await settingsRepo(locals.db).get(result.userId)));
		const next = safeNext(url.searchParams.get('next'));
		redirect(303, result.mustChangePassword ? `/password?next=${encodeURIComponent(next)}` : next);
	}
};
