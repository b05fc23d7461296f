import { error } from '@sveltejs/kit';
import { recordAudit } from '../audit/audit-service';
import { hashPassword } from '../auth/password';
import { policy } from '../auth/policy';
import type { Db } from '../db/client';
import { readXlsxRows, toXlsx } from '../xlsx';
import { peopleRepo } from './repo';
import { tempPassword } from './temp-password';
import { m } from '$lib/paraglide/messages';
import { uuidv7 } from '$lib/shared/id';
import { checkImport, IMPORT_COLUMNS, phonesIn, type ImportCheck } from '$lib/shared/people-import';
import type { Actor } from '$lib/shared/roles';

const MAX_BYTES = 5 * 1024 * 1024;

function importRoot(actor: Actor): string {
	const root = policy.managementRoot(actor);
	if (!root || !policy.openManagement(actor)) error(403, m.err_forbidden());
	return root;
}

/** The template: the columns and two example rows. */
export function peopleTemplate(): Promise<Uint8Array> {
	return toXlsx('人员', [...IMPORT_COLUMNS], [
		['刘洋', '13912345678', '机关第一党支部', '第一党小组', '否', '否', '党员'],
		['陈德厚', '13912345679', '离退休党支部', '', '是', '否', '书记']
	]);
}

/** The sheet as rows of cell texts, or why it cannot be read. */
export async function readPeopleSheet(file: File | null): Promise<{ ok: true; table: string[][] } | { ok: false; message: string }> {
	if (!file || file.size === 0) return { ok: false, message: m.import_empty() };
	if (file.size > MAX_BYTES) return { ok: false, message: m.import_too_big() };
	const table = await readXlsxRows(new Uint8Array(await file.arrayBuffer()));
	return table ? { ok: true, table } : { ok: false, message: m.import_xlsx_unreadable() };
}

/** Check every row against the organisation and the importer's rights; writes nothing. */
export async function checkPeopleImport(db: Db, actor: Actor, table: string[][]): Promise<ImportCheck> {
	const root = importRoot(actor);
	const repo = peopleRepo(db);
	const units = await repo.subtree(root);
	const taken = await repo.usersByPhones([...new Set(phonesIn(table))]);
	return checkImport(table, {
		branches: units.filter((u) => u.kind === 'branch'),
		groups: units.filter((u) => u.kind === 'group'),
		takenPhones: new Map(taken.map((u) => [u.phone, u.name])),
		mayAddTo: (path) => policy.createPersonIn(actor, path),
		mayAppointIn: (path) => policy.grantRole(actor, path)
	});
}

export interface Imported {
	name: string;
	phone: string;
	branch: string;
	password: string;
}

/**
 * Create everyone on the sheet, or nobody: the sheet is checked again, and any row with a problem
 * stops the whole import. Each person gets an initial password, shown once to the importer, and must
 * choose their own at first sign-in.
 */
export async function importPeople(db: Db, actor: Actor, table: string[][], now = Date.now()): Promise<{ ok: true; people: Imported[] } | { ok: false; check: ImportCheck }> {
	const check = await checkPeopleImport(db, actor, table);
	if (!check.ok || check.rows.some((r) => r.errors.length)) return { ok: false, check };
	const passwords = check.rows.map(() => tempPassword());
	const hashes: string[] = [];
	// Hashing is the slow part (argon2id): a few at a time keeps the server answering others.
	for (let i = 0; i < passwords.length; i += 4) hashes.push(...(await Promise.all(passwords.slice(i, i + 4).map(hashPassword))));
	const rows = check.rows.map((r, i) => ({
		id: uuidv7(now),
		phone: r.phone,
		name: r.name,
		passwordHash: hashes[i],
		branchId: r.branchId!,
		groupId: r.groupId,
		retired: r.retired,
		activist: r.activist,
		active: true,
		mustChangePassword: true,
		secretaryOf: r.secretary ? r.branchId : null,
		createdAt: now,
		updatedAt: now
	}));
	peopleRepo(db).insertUsers(rows);
	const branches = [...new Set(check.rows.map((r) => r.branch))];
	recordAudit(db, actor, 'people.import', { summary: m.audit_import_summary({ count: rows.length, branches: branches.join('、') }), unitPath: importRoot(actor) }, now);
	return { ok: true, people: check.rows.map((r, i) => ({ name: r.name, phone: r.phone, branch: r.branch, password: passwords[i] })) };
}
