import { error, fail } from '@sveltejs/kit';
import { policy } from '$lib/server/auth/policy';
import { previewImport } from '$lib/server/quiz/import-service';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!policy.writeQuestions(locals.actor!)) error(403, m.err_forbidden());
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const form = await request.formData();
		const file = form.get('file');
		const pasted = form.get('text');
		const body =
			file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : new TextEncoder().encode(typeof pasted === 'string' ? pasted : '');
		const outcome = previewImport(locals.actor!, 'text', body);
		if (!outcome.ok) return fail(outcome.status, { message: outcome.message, text: typeof pasted === 'string' ? pasted : '' });
		const counts = { single: 0, multiple: 0, judge: 0, fill: 0, essay: 0 };
		for (const q of outcome.result.questions) counts[q.type]++;
		return { counts, total: outcome.result.questions.length, errors: outcome.result.errors, text: typeof pasted === 'string' ? pasted : '' };
	}
};
