import { error } from '@sveltejs/kit';
import type { Db } from '../db/client';
import { recordAudit } from '../audit/audit-service';
import { bankToEdit, bankForManagement, type Outcome } from './bank-service';
import { parseImport } from './import-service';
import { questionRepo, type StoredQuestion } from './question-repo';
import { m } from '$lib/paraglide/messages';
import { uuidv7 } from '$lib/shared/id';
import { formatQuestionText } from '$lib/shared/quiz/format-text';
import { normaliseStem } from '$lib/shared/quiz/normalise-stem';
import { parseQuestionText } from '$lib/shared/quiz/parse-text';
import type { ImportError, ImportResult, QuestionDraft, QuestionType } from '$lib/shared/quiz/types';
import type { Actor } from '$lib/shared/roles';

type Parsed = ImportResult['questions'][number];

export interface BankPreview {
	counts: Record<QuestionType, number>;
	total: number;
	errors: ImportError[];
	/** Questions already in the bank, or repeated within the file (flagged, not errors). */
	duplicates: (ImportError & { key: string })[];
}

/** Which parsed questions repeat one already in the bank or an earlier one in the same file. */
function findDuplicates(questions: Parsed[], existing: Map<string, string>): BankPreview['duplicates'] {
	const firstInFile = new Map<string, number>();
	const found: BankPreview['duplicates'] = [];
	for (const q of questions) {
		const key = normaliseStem(q.stem);
		if (existing.has(key)) found.push({ line: q.line, key, message: m.import_duplicate_in_bank() });
		else if (firstInFile.has(key)) found.push({ line: q.line, key, message: m.import_duplicate_in_file({ line: firstInFile.get(key)! }) });
		else firstInFile.set(key, q.line);
	}
	return found;
}

function summarise(result: ImportResult, duplicates: BankPreview['duplicates']): BankPreview {
	const counts: Record<QuestionType, number> = { single: 0, multiple: 0, judge: 0, fill: 0, essay: 0 };
	for (const q of result.questions) counts[q.type]++;
	return { counts, total: result.questions.length, errors: result.errors, duplicates };
}

/** Check a file against a bank: counts per type, errors by line, duplicates. Writes nothing. */
export async function previewBankImport(db: Db, actor: Actor, bankId: string, format: string | null, body: Uint8Array): Promise<Outcome<{ preview: BankPreview }>> {
	await bankToEdit(db, actor, bankId);
	const parsed = await parseImport(format, body);
	if (!parsed.ok) return { ok: false, message: parsed.message };
	const existing = await questionRepo(db).stemKeys(bankId);
	return { ok: true, preview: summarise(parsed.result, findDuplicates(parsed.result.questions, existing)) };
}

export interface ImportChoice {
	/** `all` refuses a file with errors; `valid` imports the good items and leaves the broken ones out. */
	mode: 'all' | 'valid';
	/** Import duplicates as well (they are skipped otherwise). */
	keepDuplicates: boolean;
}

/** Write a file's questions into a bank, after the same checks as the preview. */
export async function importIntoBank(
	db: Db,
	actor: Actor,
	bankId: string,
	format: string | null,
	body: Uint8Array,
	choice: ImportChoice,
	now = Date.now()
): Promise<Outcome<{ imported: number; skipped: number }>> {
	const bank = await bankToEdit(db, actor, bankId);
	const parsed = await parseImport(format, body);
	if (!parsed.ok) return { ok: false, message: parsed.message };
	const { questions, errors } = parsed.result;
	if (choice.mode === 'all' && errors.length) return { ok: false, message: m.err_import_has_errors({ count: errors.length }) };
	const repo = questionRepo(db);
	const duplicates = new Set(findDuplicates(questions, await repo.stemKeys(bankId)).map((d) => d.line));
	const keep = questions.filter((q) => choice.keepDuplicates || !duplicates.has(q.line));
	if (keep.length === 0 && questions.length === 0) return { ok: false, message: m.err_import_nothing() };
	let id = now;
	const items = keep.map(({ line: _line, ...draft }) => ({ id: uuidv7(id++), draft, stemKey: normaliseStem(draft.stem) }));
	await repo.insertMany(bankId, items, actor.userId, now);
	recordAudit(db, actor, 'bank.import', { targetId: bankId, summary: m.audit_bank_import_summary({ bank: bank.name, count: items.length }), unitPath: bank.ownerPath }, now);
	return { ok: true, imported: items.length, skipped: questions.length - keep.length };
}

/** A bank as plain text (the import format), for download. */
export async function exportBankText(db: Db, actor: Actor, bankId: string): Promise<{ name: string; text: string }> {
	const bank = await bankForManagement(db, actor, bankId);
	const all = await questionRepo(db).all(bankId);
	return { name: bank.name, text: formatQuestionText(all) };
}

/** One question in the plain-text format, for the edit box. */
export async function questionAsText(db: Db, actor: Actor, bankId: string, questionId: string): Promise<{ question: StoredQuestion; text: string }> {
	await bankForManagement(db, actor, bankId);
	const question = await questionRepo(db).byId(questionId);
	if (!question || question.bankId !== bankId) error(404, m.err_question_missing());
	return { question, text: formatQuestionText([question]).replace(/^1\. /, '') };
}

/**
 * Create or edit one question from its plain-text form. An edit is a new version: answers already
 * given keep the version they answered. The same stem twice in a bank needs `confirmDuplicate`.
 */
export async function saveQuestion(
	db: Db,
	actor: Actor,
	bankId: string,
	questionId: string | null,
	text: string,
	confirmDuplicate: boolean,
	now = Date.now()
): Promise<Outcome<{ id: string }> | { ok: false; message: string; duplicateOf: string }> {
	const bank = await bankToEdit(db, actor, bankId);
	const repo = questionRepo(db);
	if (questionId) {
		const current = await repo.byId(questionId);
		if (!current || current.bankId !== bankId) error(404, m.err_question_missing());
	}
	const { questions, errors } = parseQuestionText(/^\s*\d+\s*[.．、]/.test(text) ? text : `1. ${text}`);
	if (errors.length) return { ok: false, message: errors[0].message.replace(/^第 1 题：/, '') };
	if (questions.length !== 1) return { ok: false, message: m.err_question_one({ count: questions.length }) };
	const { line: _line, ...draft } = questions[0];
	const stemKey = normaliseStem(draft.stem);
	const other = (await repo.stemKeys(bankId)).get(stemKey);
	if (other && other !== questionId && !confirmDuplicate) return { ok: false, message: m.err_question_duplicate(), duplicateOf: other };
	if (questionId) {
		await repo.update(questionId, draft as QuestionDraft, stemKey, actor.userId, now);
		recordAudit(db, actor, 'question.update', { targetId: questionId, summary: `${bank.name} · ${draft.stem.slice(0, 40)}`, unitPath: bank.ownerPath }, now);
		return { ok: true, id: questionId };
	}
	const id = uuidv7(now);
	await repo.insertMany(bankId, [{ id, draft, stemKey }], actor.userId, now);
	recordAudit(db, actor, 'question.create', { targetId: id, summary: `${bank.name} · ${draft.stem.slice(0, 40)}`, unitPath: bank.ownerPath }, now);
	return { ok: true, id };
}

export async function deleteQuestion(db: Db, actor: Actor, bankId: string, questionId: string, now = Date.now()): Promise<void> {
	const bank = await bankToEdit(db, actor, bankId);
	const current = await questionRepo(db).byId(questionId);
	if (!current || current.bankId !== bankId) error(404, m.err_question_missing());
	await questionRepo(db).softDelete(questionId, now);
	recordAudit(db, actor, 'question.delete', { targetId: questionId, summary: `${bank.name} · ${current.stem.slice(0, 40)}`, unitPath: bank.ownerPath }, now);
}
