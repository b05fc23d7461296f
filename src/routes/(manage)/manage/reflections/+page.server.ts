import { fail } from '@sveltejs/kit';
import { reviewQueue, reviewReflection } from '$lib/server/study/reflection-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ queue: await reviewQueue(locals.db, locals.actor!) });

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const form = await request.formData();
		const id = String(form.get('id') ?? '');
		const input = { action: String(form.get('action') ?? ''), grade: String(form.get('grade') ?? ''), comment: String(form.get('comment') ?? '') };
		const r = await reviewReflection(locals.db, locals.actor!, id, input);
		if (!r.ok) return fail(400, { id, message: r.message, comment: input.comment });
		return { done: id, action: input.action };
	}
};
