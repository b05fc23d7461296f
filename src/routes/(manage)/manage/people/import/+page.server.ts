import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { checkPeopleImport, importPeople, readPeopleSheet } from '$lib/server/people/import-service';
import { m } from '$lib/paraglide/messages';
import type { Actions } from './$types';

const tableSchema = v.array(v.array(v.string()));

export const actions: Actions = {
	/** Read and check the sheet; nothing is written. The checked table rides along in the form for the import. */
	preview: async ({ locals, request }) => {
		const sheet = await readPeopleSheet((await request.formData()).get('file') as File | null);
		if (!sheet.ok) return fail(400, { message: sheet.message });
		const check = await checkPeopleImport(locals.db, locals.actor!, sheet.table);
		if (!check.ok) return fail(400, { message: check.message });
		return { rows: check.rows, table: JSON.stringify(sheet.table) };
	},
	/** Import what was previewed: checked again on the server, all or nothing. */
	commit: async ({ locals, request }) => {
		let raw: unknown;
		try {
			raw = JSON.parse(String((await request.formData()).get('table') ?? '[]'));
		} catch {
			return fail(400, { message: m.err_invalid() });
		}
		const parsed = v.safeParse(tableSchema, raw);
		if (!parsed.success) return fail(400, { message: m.err_invalid() });
		const r = await importPeople(locals.db, locals.actor!, parsed.output);
		if (r.ok) return { imported: r.people };
		if (!r.check.ok) return fail(400, { message: r.check.message });
		return fail(400, { rows: r.check.rows, table: JSON.stringify(parsed.output) });
	}
};
