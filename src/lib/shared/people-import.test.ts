import { describe, expect, it } from 'vitest';
import { checkImport, IMPORT_COLUMNS, phonesIn, type ImportContext } from './people-import';

const ctx: ImportContext = {
	branches: [
		{ id: 'b1', name: '机关第一党支部', path: '/c/b1/' },
		{ id: 'b2', name: '离退休党支部', path: '/c/b2/' },
		{ id: 'b3', name: '第一党支部', path: '/c/g/b3/' },
		{ id: 'b4', name: '第一党支部', path: '/c/h/b4/' }
	],
	groups: [{ id: 'g1', name: '第一党小组', parentId: 'b1' }],
	takenPhones: new Map([['13800000002', '张伟']]),
	mayAddTo: (path) => path !== '/c/b2/',
	mayAppointIn: () => false
};
const sheet = (...rows: string[][]) => [[...IMPORT_COLUMNS], ...rows];

describe('people import checks', () => {
	it('accept good rows and read 是/否 and roles', () => {
		const r = checkImport(sheet(['刘洋', '139 0000 0001', '机关第一党支部', '第一党小组', '是', '否', '党员'], ['杨静', '13900000002', '机关第一党支部', '', '', '1', '']), ctx);
		expect(r.ok && r.rows.map((x) => [x.row, x.phone, x.branchId, x.groupId, x.retired, x.activist, x.errors])).toEqual([
			[2, '13900000001', 'b1', 'g1', true, false, []],
			[3, '13900000002', 'b1', null, false, true, []]
		]);
	});

	it('name every problem with its row number and skip empty rows', () => {
		const r = checkImport(
			sheet(
				['', '13900000003', '机关第一党支部'],
				['赵磊', '1390000', '机关第一党支部'],
				['', '', ''],
				['周强', '13900000004', '机关第一党支部'],
				['吴敏', '13900000004', '机关第一党支部'],
				['徐涛', '13800000002', '机关第一党支部'],
				['孙晓燕', '13900000005', '机关第三党支部'],
				['马俊', '13900000006', '第一党支部'],
				['胡玉兰', '13900000007', '离退休党支部'],
				['郭志刚', '13900000008', '机关第一党支部', '第九党小组', '也许', '', '书记'],
				['何婷', '13900000009', '机关第一党支部', '', '', '', '主任']
			),
			ctx
		);
		expect(r.ok && r.rows.filter((x) => x.errors.length).map((x) => `${x.row}:${x.errors.join('；')}`)).toEqual([
			'2:姓名为空',
			'3:手机号“1390000”无效，应为 11 位中国大陆手机号',
			'6:手机号与第 5 行重复',
			'7:手机号已被“张伟”使用',
			'8:找不到支部“机关第三党支部”',
			'9:有多个支部叫“第一党支部”，请先在组织架构中改名区分',
			'10:无权在“离退休党支部”添加人员',
			'11:支部“机关第一党支部”下没有党小组“第九党小组”；只有管理员可以任命书记；“离退休”应填 是 或 否',
			'12:角色“主任”无效，应为 党员 或 书记（管理员请在人员页单独设置）'
		]);
		expect(phonesIn(sheet(['a', '139-0000-0010', 'x']))).toEqual(['13900000010']);
	});

	it('refuse a sheet without the template’s columns, or with nobody in it', () => {
		expect(checkImport([['名字', '电话']], ctx)).toEqual({ ok: false, message: '表头缺少列：姓名、手机号、支部（请使用模板）' });
		expect(checkImport(sheet(['', '', '']), ctx)).toEqual({ ok: false, message: '表格里没有人员' });
	});
});
