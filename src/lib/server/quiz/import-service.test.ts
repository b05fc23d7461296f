import { describe, expect, it } from 'vitest';
import type { Actor } from '$lib/shared/roles';
import { previewImport } from './import-service';

const member: Actor = { userId: 'm', branchId: 'a', branchPath: '/c/a/', secretaryOf: null, adminOf: null };
const secretary: Actor = { ...member, userId: 's', secretaryOf: { id: 'a', path: '/c/a/' } };
const bytes = (s: string) => new TextEncoder().encode(s);

describe('import preview', () => {
	it('gives secretaries the questions and the errors with their lines', () => {
		const r = previewImport(secretary, 'text', bytes('1. 对的。[对]\n2. 坏题（ ）。\nA. 甲\nB. 乙\n'));
		expect(r.ok && r.result.questions).toHaveLength(1);
		expect(r.ok && r.result.errors).toEqual([{ line: 2, message: '第 2 题：没有答案' }]);
	});

	it('refuses members', () => {
		expect(() => previewImport(member, 'text', bytes('1. 对的。[对]'))).toThrow(expect.objectContaining({ status: 403 }));
	});

	it('says plainly what it cannot read: other formats, large files, not UTF-8, empty', () => {
		expect(previewImport(secretary, 'xlsx', bytes('x'))).toEqual({ ok: false, status: 415, message: '暂不支持这种格式：xlsx（目前只支持 text 纯文本格式）' });
		expect(previewImport(secretary, 'text', new Uint8Array(10 * 1024 * 1024 + 1))).toMatchObject({ status: 413, message: '文件太大：最大 10 MB' });
		expect(previewImport(secretary, 'text', new Uint8Array([0xd5, 0xfe, 0xd6, 0xce]))).toMatchObject({ status: 400, message: expect.stringContaining('UTF-8') });
		expect(previewImport(secretary, 'text', bytes('  \n'))).toMatchObject({ status: 400, message: '文件是空的' });
	});

	it('refuses more than 20,000 items with a message', () => {
		const many = Array.from({ length: 20_001 }, (_, i) => `${i + 1}. 题${i}。[对]`).join('\n');
		const r = previewImport(secretary, 'text', bytes(many));
		expect(r.ok && r.result).toEqual({ questions: [], errors: [{ line: 20_001, message: '题目太多：一次最多导入 20000 题' }] });
	});
});
