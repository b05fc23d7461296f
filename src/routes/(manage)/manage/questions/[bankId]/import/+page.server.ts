import { fail } from '@sveltejs/kit';
import { bankToEdit } from '$lib/server/quiz/bank-service';
import { formatFromName } from '$lib/server/quiz/import-service';
import { importIntoBank, previewBankImport } from '$lib/server/quiz/question-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({ bank: await bankToEdit(locals.db, locals.actor!, params.bankId) });

/**
 * What the admin gave: a file (format from the menu, or else from its name) or pasted text. Between
 * preview and import the bytes travel back in the form (base64), so what is imported is what was previewed.
 */
async function upload(form: FormData): Promise<{ body: Uint8Array; format: string; text: string }> {
	const chosen = String(form.get('format') ?? 'auto');
	const payload = form.get('payload');
	if (typeof payload === 'string' && payload) {
		return { body: new Uint8Array(Buffer.from(payload, 'base64')), format: chosen, text: '' };
	}
	const file = form.get('file');
	if (file instanceof File && file.size > 0) {
		const format = chosen === 'auto' ? formatFromName(file.name) : chosen;
		return { body: new Uint8Array(await file.arrayBuffer()), format, text: '' };
	}
	const text = String(form.get('text') ?? '');
	return { body: new TextEncoder().encode(text), format: chosen === 'auto' || chosen === 'xlsx' ? 'text' : chosen, text };
}

export const actions: Actions = {
	preview: async ({ locals, params, request }) => {
		const { body, format, text } = await upload(await request.formData());
		const result = await previewBankImport(locals.db, locals.actor!, params.bankId, format, body);
		if (!result.ok) return fail(400, { message: result.message, text, format });
		return { preview: result.preview, text, format, payload: Buffer.from(body).toString('base64') };
	},
	import: async ({ locals, params, request }) => {
		const form = await request.formData();
		const { body, format } = await upload(form);
		const choice = { mode: form.get('mode') === 'valid' ? ('valid' as const) : ('all' as const), keepDuplicates: form.get('keepDuplicates') === 'on' };
		const result = await importIntoBank(locals.db, locals.actor!, params.bankId, format, body, choice);
		if (!result.ok) return fail(400, { message: result.message, format });
		return { done: { imported: result.imported, skipped: result.skipped } };
	}
};

