import { beforeEach, describe, expect, it } from 'vitest';
import { demoActor, withDemoDatabase } from '../test-db';
import { DEMO_BANKS } from '../db/seed/quiz';
import { peopleRepo } from '../people/repo';
import { bankQuestions, createBank, listBanks, updateBank } from './bank-service';
import { questionRepo } from './question-repo';
import { deleteQuestion, exportBankText, importIntoBank, previewBankImport, questionAsText, saveQuestion } from './question-service';
import type { Db } from '../db/client';
import { parseQuestionText } from '$lib/shared/quiz/parse-text';

const T0 = Date.UTC(2026, 10, 1);
const ADMIN = '13800000000';
const SECRETARY = '13800000001';
const OTHER_SECRETARY = '13800000003';
const MEMBER = '13800000002';
const bytes = (s: string) => new TextEncoder().encode(s);
const status = async (p: Promise<unknown>) => p.then(() => 200, (e: { status?: number }) => e.status ?? 500);

const demo = withDemoDatabase(T0);
let db: Db;
beforeEach(() => {
	db = demo.db;
});

async function branchBank(phone = SECRETARY) {
	const actor = await demoActor(db, phone, T0);
	const r = await createBank(db, actor, { name: '支部自建题库', track: 'political', purpose: 'practice', ownerUnitId: actor.secretaryOf!.id, partialCredit: '0.5' }, T0);
	if (!r.ok) throw new Error(r.message);
	return { actor, bankId: r.id };
}

describe('demo banks', () => {
	it('hold at least 150 questions of every type, each with an explanation, and parse without errors', () => {
		const all = DEMO_BANKS.flatMap((b) => {
			const { questions, errors } = parseQuestionText(b.text);
			expect(errors).toEqual([]);
			return questions;
		});
		expect(all.length).toBeGreaterThanOrEqual(150);
		for (const type of ['single', 'multiple', 'judge', 'fill', 'essay']) expect(all.some((q) => q.type === type)).toBe(true);
		expect(all.filter((q) => !q.explanation)).toEqual([]);
	});

	it('are listed for the admin and, read-only, for a branch secretary; members are refused', async () => {
		const banks = await listBanks(db, await demoActor(db, ADMIN, T0));
		expect(banks.map((b) => [b.name, b.canEdit])).toEqual([
			['保密与安全常识', true],
			['党章党规基础', true]
		]);
		const forSecretary = await listBanks(db, await demoActor(db, SECRETARY, T0));
		expect(forSecretary.every((b) => !b.canEdit)).toBe(true);
		expect(await status(listBanks(db, await demoActor(db, MEMBER, T0)))).toBe(403);
	});
});

describe('banks', () => {
	it('lets a secretary create a bank for their own branch only', async () => {
		const { actor } = await branchBank();
		const other = await demoActor(db, OTHER_SECRETARY, T0);
		const refused = createBank(db, actor, { name: '越权', track: 'political', purpose: 'practice', ownerUnitId: other.secretaryOf!.id, partialCredit: 0.5 }, T0);
		expect(await status(refused)).toBe(403);
		expect((await listBanks(db, other)).map((b) => b.name)).not.toContain('支部自建题库');
	});

	it('refuses a bank without a name or with partial credit outside 0–1, in Chinese', async () => {
		const actor = await demoActor(db, SECRETARY, T0);
		const base = { name: '题库', track: 'political', purpose: 'practice', ownerUnitId: actor.secretaryOf!.id, partialCredit: 0.5 };
		expect(await createBank(db, actor, { ...base, name: '  ' }, T0)).toEqual({ ok: false, message: '请输入题库名称' });
		expect(await createBank(db, actor, { ...base, partialCredit: 2 }, T0)).toEqual({ ok: false, message: '多选题部分得分比例应在 0 到 1 之间' });
		const group = (await peopleRepo(db).subtree(actor.secretaryOf!.path)).find((u) => u.kind === 'group')!;
		expect(await createBank(db, actor, { ...base, ownerUnitId: group.id }, T0)).toEqual({ ok: false, message: '题库只能属于党委、党总支或党支部' });
	});

	it('keeps the secretary out of editing the organisation’s bank', async () => {
		const secretary = await demoActor(db, SECRETARY, T0);
		const orgBank = (await listBanks(db, secretary))[0];
		expect(await status(updateBank(db, secretary, orgBank.id, { name: 'x', track: 'political', purpose: 'practice', partialCredit: 0.5 }, T0))).toBe(403);
		expect(await status(importIntoBank(db, secretary, orgBank.id, 'text', bytes('1. 题。[对]'), { mode: 'all', keepDuplicates: false }))).toBe(403);
	});
});

describe('importing into a bank', () => {
	const FILE = '1. 第一题。[对]\n\n2. 坏题（ ）。\nA. 甲\nB. 乙\n\n3. 第三题（ ）。[B]\nA. 甲\nB. 乙\n\n4. 第一题！[错]\n';

	it('previews counts, errors with their lines and duplicates, and writes nothing', async () => {
		const { actor, bankId } = await branchBank();
		const r = await previewBankImport(db, actor, bankId, 'text', bytes(FILE));
		expect(r.ok && r.preview).toMatchObject({
			total: 3,
			counts: { judge: 2, single: 1 },
			errors: [{ line: 3, message: '第 2 题：没有答案' }],
			duplicates: [{ line: 11, message: '与本文件第 1 行的题目重复' }]
		});
		expect((await questionRepo(db).list(bankId, {}, 10)).total).toBe(0);
	});

	it('refuses “import all” while the file has errors, and imports the valid items on request, skipping duplicates', async () => {
		const { actor, bankId } = await branchBank();
		expect(await importIntoBank(db, actor, bankId, 'text', bytes(FILE), { mode: 'all', keepDuplicates: false }, T0)).toEqual({
			ok: false,
			message: '文件里还有 1 处错误：请改正后再全部导入，或选择只导入无误的题目'
		});
		expect((await questionRepo(db).list(bankId, {}, 10)).total).toBe(0);
		expect(await importIntoBank(db, actor, bankId, 'text', bytes(FILE), { mode: 'valid', keepDuplicates: false }, T0)).toEqual({ ok: true, imported: 2, skipped: 1 });
		// The same file again: everything is already there.
		expect(await importIntoBank(db, actor, bankId, 'text', bytes(FILE), { mode: 'valid', keepDuplicates: false }, T0)).toEqual({ ok: true, imported: 0, skipped: 3 });
		const preview = await previewBankImport(db, actor, bankId, 'text', bytes('1. 第三题（ ）[B]\nA. 甲\nB. 乙\n'));
		expect(preview.ok && preview.preview.duplicates).toEqual([expect.objectContaining({ line: 1, message: '与题库中已有的题目重复' })]);
	});

	it('gives back the same questions after export and import into a new bank', async () => {
		const admin = await demoActor(db, ADMIN, T0);
		const source = (await listBanks(db, admin)).find((b) => b.name === '党章党规基础')!;
		const { text } = await exportBankText(db, admin, source.id);
		const target = await createBank(db, admin, { name: '副本', track: 'political', purpose: 'practice', ownerUnitId: admin.adminOf!.id, partialCredit: 0.5 }, T0);
		const r = await importIntoBank(db, admin, target.ok ? target.id : '', 'text', bytes(text), { mode: 'all', keepDuplicates: false }, T0);
		expect(r).toEqual({ ok: true, imported: 90, skipped: 0 });
		const strip = (qs: Awaited<ReturnType<ReturnType<typeof questionRepo>['list']>>['questions']) =>
			qs.map(({ id: _i, bankId: _b, createdAt: _c, updatedAt: _u, ...q }) => q);
		const a = await questionRepo(db).list(source.id, {}, 200);
		const b = await questionRepo(db).list(target.ok ? target.id : '', {}, 200);
		expect(strip(b.questions)).toEqual(strip(a.questions));
	});
});

describe('editing questions', () => {
	it('saves an edit as a new version and keeps the old version for answers already given', async () => {
		const { actor, bankId } = await branchBank();
		const created = await saveQuestion(db, actor, bankId, null, '预备期为一年。[对][标签：党章]', false, T0);
		expect(created.ok).toBe(true);
		const id = created.ok ? created.id : '';
		const edited = await saveQuestion(db, actor, bankId, id, '预备党员的预备期为一年。[对][标签：党章 预备党员]', false, T0 + 1000);
		expect(edited.ok).toBe(true);
		const now = await questionRepo(db).byId(id);
		expect(now).toMatchObject({ version: 2, stem: '预备党员的预备期为一年。', tags: ['党章', '预备党员'] });
		expect((await questionRepo(db).version(id, 1))?.content.stem).toBe('预备期为一年。');
		expect((await questionAsText(db, actor, bankId, id)).text).toBe('预备党员的预备期为一年。[标签：党章 预备党员]\n答案：对\n');
	});

	it('flags the same stem typed twice and saves it only when confirmed; refuses broken text with the reason', async () => {
		const { actor, bankId } = await branchBank();
		await saveQuestion(db, actor, bankId, null, '党支部是党的基础组织。[对]', false, T0);
		const again = await saveQuestion(db, actor, bankId, null, '党支部是党的基础组织！[对]', false, T0);
		expect(again).toMatchObject({ ok: false, message: expect.stringContaining('题库中已有相同的题目') });
		expect((await saveQuestion(db, actor, bankId, null, '党支部是党的基础组织！[对]', true, T0)).ok).toBe(true);
		expect(await saveQuestion(db, actor, bankId, null, '没有答案的题（ ）\nA. 甲\nB. 乙', false, T0)).toEqual({ ok: false, message: '没有答案' });
	});

	it('drops deleted and expired questions from the list filters', async () => {
		const { actor, bankId } = await branchBank();
		await saveQuestion(db, actor, bankId, null, '过期的题。[对][有效期至2026-10-31]', false, T0);
		const kept = await saveQuestion(db, actor, bankId, null, '要删的题。[对]', false, T0);
		await deleteQuestion(db, actor, bankId, kept.ok ? kept.id : '', T0);
		const page = await bankQuestions(db, actor, bankId, { expired: true }, 1, T0);
		expect(page.questions.map((q) => q.stem)).toEqual(['过期的题。']);
		expect(page.summary.expired).toBe(1);
		expect((await bankQuestions(db, actor, bankId, {}, 1, T0)).total).toBe(1);
	});
});

describe('Excel import and export', () => {
	it('gives back the same questions after exporting a bank to xlsx and importing it into another', async () => {
		const { exportBankXlsx, templateXlsx } = await import('./bank-xlsx');
		const admin = await demoActor(db, ADMIN, T0);
		const source = (await listBanks(db, admin)).find((b) => b.name === '保密与安全常识')!;
		const { bytes } = await exportBankXlsx(db, admin, source.id);
		const target = await createBank(db, admin, { name: 'Excel 副本', track: 'business', purpose: 'exam', ownerUnitId: admin.adminOf!.id, partialCredit: 0.5 }, T0);
		const targetId = target.ok ? target.id : '';
		expect(await importIntoBank(db, admin, targetId, 'xlsx', bytes, { mode: 'all', keepDuplicates: false }, T0)).toEqual({ ok: true, imported: 60, skipped: 0 });
		const strip = (qs: Awaited<ReturnType<ReturnType<typeof questionRepo>['list']>>['questions']) =>
			qs.map(({ id: _i, bankId: _b, createdAt: _c, updatedAt: _u, ...q }) => q);
		expect(strip((await questionRepo(db).list(targetId, {}, 200)).questions)).toEqual(strip((await questionRepo(db).list(source.id, {}, 200)).questions));

		const template = await previewBankImport(db, admin, targetId, 'xlsx', await templateXlsx());
		expect(template.ok && template.preview).toMatchObject({ total: 5, errors: [], counts: { single: 1, multiple: 1, judge: 1, fill: 1, essay: 1 } });
	});
});
