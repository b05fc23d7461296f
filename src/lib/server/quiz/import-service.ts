import { error } from '@sveltejs/kit';
import { readXlsxRows } from '../xlsx';
import { policy } from '../auth/policy';
import { m } from '$lib/paraglide/messages';
import { parseAiken } from '$lib/shared/quiz/parse-aiken';
import { parseCsv } from '$lib/shared/quiz/parse-csv';
import { parseGift } from '$lib/shared/quiz/parse-gift';
import { parseTable } from '$lib/shared/quiz/parse-table';
import { parseQuestionText } from '$lib/shared/quiz/parse-text';
import { MAX_IMPORT_BYTES, type ImportResult } from '$lib/shared/quiz/types';
import type { Actor } from '$lib/shared/roles';

export const IMPORT_FORMATS = ['text', 'xlsx', 'csv', 'gift', 'aiken'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export type ParseOutcome = { ok: true; result: ImportResult } | { ok: false; status: 400 | 413 | 415; message: string };

/** The format a file name suggests, for uploads that do not say. */
export function formatFromName(name: string): ImportFormat {
	const ext = name.toLowerCase().split('.').pop() ?? '';
	return ext === 'xlsx' ? 'xlsx' : ext === 'csv' ? 'csv' : ext === 'gift' ? 'gift' : ext === 'aiken' ? 'aiken' : 'text';
}

/** Text files arrive as UTF-8, or (CSV saved by Excel on Chinese Windows) as GB18030. */
function decode(body: Uint8Array, allowGb: boolean): string | null {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(body);
	} catch {
		return allowGb ? new TextDecoder('gb18030').decode(body) : null;
	}
}

/** Read an import file of any supported format: its questions and every error with its line (or row). Writes nothing. */
export async function parseImport(format: string | null, body: Uint8Array): Promise<ParseOutcome> {
	const fmt = format ?? 'text';
	if (!(IMPORT_FORMATS as readonly string[]).includes(fmt)) return { ok: false, status: 415, message: m.import_format_unsupported({ format: fmt }) };
	if (body.byteLength > MAX_IMPORT_BYTES) return { ok: false, status: 413, message: m.import_too_big() };
	if (body.byteLength === 0) return { ok: false, status: 400, message: m.import_empty() };
	if (fmt === 'xlsx') {
		const rows = await readXlsxRows(body);
		if (!rows) return { ok: false, status: 400, message: m.import_xlsx_unreadable() };
		if (rows.length === 0) return { ok: false, status: 400, message: m.import_empty() };
		return { ok: true, result: parseTable(rows) };
	}
	const text = decode(body, fmt === 'csv');
	if (text === null) return { ok: false, status: 400, message: m.import_not_utf8() };
	if (!text.trim()) return { ok: false, status: 400, message: m.import_empty() };
	const parse = { text: parseQuestionText, csv: (t: string) => parseTable(parseCsv(t)), gift: parseGift, aiken: parseAiken }[fmt as Exclude<ImportFormat, 'xlsx'>];
	return { ok: true, result: parse(text) };
}

/** `POST /api/questions/preview`: for whoever may write questions (secretaries and admins). */
export async function previewImport(actor: Actor, format: string | null, body: Uint8Array): Promise<ParseOutcome> {
	if (!policy.writeQuestions(actor)) error(403, m.err_forbidden());
	return parseImport(format, body);
}
