import { fail } from '@sveltejs/kit';
import { commentOnReflection, peerReflections } from '$lib/server/study/reflection-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({ reflections: await peerReflections(locals.db, locals.actor!, params.planId) });

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const form = await request.formData();
		const r = await commentOnReflection(locals.db, locals.actor!, String(form.get('reflectionId') ?? ''), form.get('body'));
		if (!r.ok) return fail(400, { message: r.message, reflectionId: String(form.get('reflectionId')) });
		return { ok: true };
	}
};
