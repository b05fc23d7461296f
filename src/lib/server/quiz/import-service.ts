import { error } from '@sveltejs/kit';
import { policy } from '../auth/policy';
import { m } from '$lib/paraglide/messages';
import { parseQuestionText } from '$lib/shared/quiz/parse-text';
import { MAX_IMPORT_BYTES, type ImportResult } from '$lib/shared/quiz/types';
import type { Actor } from '$lib/shared/roles';

export const IMPORT_FORMATS = ['text', 'xlsx', 'csv', 'gift', 'aiken'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export type ParseOutcome = { ok: true; result: ImportResult } | { ok: false; status: 400 | 413 | 415; message: string };

/**
 * Read an import file: its questions and every error with its line. Writes nothing.
 * Only the plain-text format is built so far; the others answer 415 saying so.
 */
export function parseImport(format: string | null, body: Uint8Array): ParseOutcome {
	const fmt = format ?? 'text';
	if (fmt !== 'text') return { ok: false, status: 415, message: m.import_format_unsupported({ format: fmt }) };
	if (body.byteLength > MAX_IMPORT_BYTES) return { ok: false, status: 413, message: m.import_too_big() };
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(body);
	} catch {
		return { ok: false, status: 400, message: m.import_not_utf8() };
	}
	if (!text.trim()) return { ok: false, status: 400, message: m.import_empty() };
	return { ok: true, result: parseQuestionText(text) };
}

/** `POST /api/questions/preview`: for whoever may write questions (secretaries and admins). */
export function previewImport(actor: Actor, format: string | null, body: Uint8Array): ParseOutcome {
	if (!policy.writeQuestions(actor)) error(403, m.err_forbidden());
	return parseImport(format, body);
}
