import { describe, expect, it } from 'vitest';
import type { Actor } from '$lib/shared/roles';
import { previewImport } from './import-service';

const member: Actor = { userId: 'm', branchId: 'a', branchPath: '/c/a/', secretaryOf: null, adminOf: null };
const secretary: Actor = { ...member, userId: 's', secretaryOf: { id: 'a', path: '/c/a/' } };
const bytes = (s: string) => new TextEncoder().encode(s);

describe('import preview', () => {
	it('gives secretaries the questions and the errors with their lines', async () => {
		const r = await previewImport(secretary, 'text', bytes('1. 对的。[对]\n2. 坏题（ ）。\nA. 甲\nB. 乙\n'));
		expect(r.ok && r.result.questions).toHaveLength(1);
		expect(r.ok && r.result.errors).toEqual([{ line: 2, message: '第 2 题：没有答案' }]);
	});

	it('refuses members', async () => {
		await expect(previewImport(member, 'text', bytes('1. 对的。[对]'))).rejects.toMatchObject({ status: 403 });
	});

	it('says plainly what it cannot read: other formats, large files, not UTF-8, empty', async () => {
		expect(await previewImport(secretary, 'docx', bytes('x'))).toEqual({ ok: false, status: 415, message: '不支持这种格式：docx（支持 text、xlsx、csv、gift、aiken）' });
		expect(await previewImport(secretary, 'xlsx', bytes('not a zip'))).toMatchObject({ status: 400, message: expect.stringContaining('.xlsx') });
		expect(await previewImport(secretary, 'text', new Uint8Array(10 * 1024 * 1024 + 1))).toMatchObject({ status: 413, message: '文件太大：最大 10 MB' });
		expect(await previewImport(secretary, 'text', new Uint8Array([0xd5, 0xfe, 0xd6, 0xce]))).toMatchObject({ status: 400, message: expect.stringContaining('UTF-8') });
		// A CSV saved by Excel on Chinese Windows is GB18030, and is read as such.
		const gbCsv = new Uint8Array([0xcc, 0xe2, 0xb8, 0xc9, 0x2c, 0xb4, 0xf0, 0xb0, 0xb8, 0x0a, 0xb6, 0xd4, 0x2c, 0xb6, 0xd4, 0x0a]); // 题干,答案 / 对,对
		expect(await previewImport(secretary, 'csv', gbCsv)).toMatchObject({ ok: true, result: { questions: [expect.objectContaining({ type: 'judge', stem: '对' })] } });
		expect(await previewImport(secretary, 'text', bytes('  \n'))).toMatchObject({ status: 400, message: '文件是空的' });
	});

	it('refuses more than 20,000 items with a message', async () => {
		const many = Array.from({ length: 20_001 }, (_, i) => `${i + 1}. 题${i}。[对]`).join('\n');
		const r = await previewImport(secretary, 'text', bytes(many));
		expect(r.ok && r.result).toEqual({ questions: [], errors: [{ line: 20_001, message: '题目太多：一次最多导入 20000 题' }] });
	});
});
