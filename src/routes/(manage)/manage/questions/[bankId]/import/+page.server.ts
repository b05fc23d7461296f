import { fail } from '@sveltejs/kit';
import { bankToEdit } from '$lib/server/quiz/bank-service';
import { importIntoBank, previewBankImport } from '$lib/server/quiz/question-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({ bank: await bankToEdit(locals.db, locals.actor!, params.bankId) });

/** The file's bytes, or the pasted text: what the admin gave us, untouched. */
async function upload(form: FormData): Promise<{ body: Uint8Array; text: string }> {
	const file = form.get('file');
	if (file instanceof File && file.size > 0) {
		const body = new Uint8Array(await file.arrayBuffer());
		let text = '';
		try {
			text = new TextDecoder('utf-8', { fatal: true }).decode(body);
		} catch {
			// parseImport explains the encoding problem.
		}
		return { body, text };
	}
	const text = String(form.get('text') ?? '');
	return { body: new TextEncoder().encode(text), text };
}

export const actions: Actions = {
	preview: async ({ locals, params, request }) => {
		const { body, text } = await upload(await request.formData());
		const result = await previewBankImport(locals.db, locals.actor!, params.bankId, 'text', body);
		if (!result.ok) return fail(400, { message: result.message, text });
		return { preview: result.preview, text };
	},
	import: async ({ locals, params, request }) => {
		const form = await request.formData();
		const { body, text } = await upload(form);
		const choice = { mode: form.get('mode') === 'valid' ? ('valid' as const) : ('all' as const), keepDuplicates: form.get('keepDuplicates') === 'on' };
		const result = await importIntoBank(locals.db, locals.actor!, params.bankId, 'text', body, choice);
		if (!result.ok) return fail(400, { message: result.message, text });
		return { done: { imported: result.imported, skipped: result.skipped } };
	}
};
