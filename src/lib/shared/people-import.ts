import { m } from '$lib/paraglide/messages';
import { normalisePhone, PHONE_RE } from './schemas';

/** The columns of the people import template, in order (the header row must name them). */
export const IMPORT_COLUMNS = ['姓名', '手机号', '支部', '党小组', '离退休', '积极分子', '角色'] as const;
export const MAX_IMPORT_ROWS = 2000;

export interface ImportRow {
	/** The spreadsheet's row number (the header is row 1). */
	row: number;
	name: string;
	phone: string;
	branch: string;
	group: string;
	retired: boolean;
	activist: boolean;
	secretary: boolean;
	branchId: string | null;
	groupId: string | null;
	errors: string[];
}

/** What the checks need to know about the organisation and the person importing. */
export interface ImportContext {
	branches: { id: string; name: string; path: string }[];
	groups: { id: string; name: string; parentId: string | null }[];
	/** Names of the people who already hold these numbers. */
	takenPhones: Map<string, string>;
	mayAddTo: (branchPath: string) => boolean;
	mayAppointIn: (branchPath: string) => boolean;
}

export type ImportCheck = { ok: false; message: string } | { ok: true; rows: ImportRow[] };

const YES = new Set(['是', 'y', 'yes', '1', '√', 'true']);
const NO = new Set(['否', 'n', 'no', '0', '', 'false']);

function yesNo(raw: string, column: string, errors: string[]): boolean {
	const v = raw.trim().toLowerCase();
	if (YES.has(v)) return true;
	if (!NO.has(v)) errors.push(m.import_people_yes_no({ column }));
	return false;
}

/** The phone numbers a sheet holds (for looking up which are taken), before any checking. */
export function phonesIn(table: string[][]): string[] {
	const col = (table[0] ?? []).map((h) => h.trim()).indexOf('手机号');
	return col < 0 ? [] : table.slice(1).map((r) => normalisePhone(r[col] ?? '')).filter(Boolean);
}

/**
 * Check an import sheet row by row, writing nothing: every problem is named with its row number
 * (missing name, bad or repeated number, a number already in use, unknown branch or group, a role the
 * importer may not give). Empty rows are skipped.
 */
export function checkImport(table: string[][], ctx: ImportContext): ImportCheck {
	const header = (table[0] ?? []).map((h) => h.trim());
	const missing = IMPORT_COLUMNS.filter((c) => c !== '党小组' && c !== '离退休' && c !== '积极分子' && c !== '角色' && !header.includes(c));
	if (missing.length) return { ok: false, message: m.import_people_columns({ columns: missing.join('、') }) };
	const at = (cells: string[], column: (typeof IMPORT_COLUMNS)[number]) => {
		const i = header.indexOf(column);
		return i < 0 ? '' : (cells[i] ?? '').trim();
	};
	const body = table.slice(1).map((cells, i) => ({ cells, row: i + 2 })).filter(({ cells }) => cells.some((c) => c?.trim()));
	if (body.length === 0) return { ok: false, message: m.import_people_empty() };
	if (body.length > MAX_IMPORT_ROWS) return { ok: false, message: m.import_people_too_many({ max: MAX_IMPORT_ROWS }) };

	const firstRowOf = new Map<string, number>();
	const rows = body.map(({ cells, row }): ImportRow => {
		const errors: string[] = [];
		const name = at(cells, '姓名');
		if (!name) errors.push(m.import_people_name());
		else if (name.length > 40) errors.push(m.err_name_long());
		const phone = normalisePhone(at(cells, '手机号'));
		if (!PHONE_RE.test(phone)) errors.push(m.import_people_phone({ phone: phone || '—' }));
		else if (firstRowOf.has(phone)) errors.push(m.import_people_phone_repeat({ row: firstRowOf.get(phone)! }));
		else if (ctx.takenPhones.has(phone)) errors.push(m.import_people_phone_taken({ name: ctx.takenPhones.get(phone)! }));
		if (PHONE_RE.test(phone) && !firstRowOf.has(phone)) firstRowOf.set(phone, row);

		const branchName = at(cells, '支部');
		const matches = ctx.branches.filter((b) => b.name === branchName);
		const branch = matches.length === 1 ? matches[0] : null;
		if (!branchName) errors.push(m.import_people_branch_empty());
		else if (matches.length === 0) errors.push(m.import_people_branch_unknown({ branch: branchName }));
		else if (matches.length > 1) errors.push(m.import_people_branch_ambiguous({ branch: branchName }));
		else if (!ctx.mayAddTo(branch!.path)) errors.push(m.import_people_branch_forbidden({ branch: branchName }));

		const groupName = at(cells, '党小组');
		const group = branch && groupName ? ctx.groups.find((g) => g.parentId === branch.id && g.name === groupName) : undefined;
		if (branch && groupName && !group) errors.push(m.import_people_group({ group: groupName, branch: branchName }));

		const role = at(cells, '角色');
		const secretary = role === '书记';
		if (role && role !== '党员' && !secretary) errors.push(m.import_people_role({ role }));
		if (secretary && branch && !ctx.mayAppointIn(branch.path)) errors.push(m.import_people_role_forbidden());

		return {
			row,
			name,
			phone,
			branch: branchName,
			group: groupName,
			retired: yesNo(at(cells, '离退休'), '离退休', errors),
			activist: yesNo(at(cells, '积极分子'), '积极分子', errors),
			secretary,
			branchId: branch?.id ?? null,
			groupId: group?.id ?? null,
			errors
		};
	});
	return { ok: true, rows };
}

export const yesNoLabel = (yes: boolean) => (yes ? '是' : '否');
