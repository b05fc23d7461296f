import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { audit, DEMO, screenshot, signIn } from './helpers';

const BRANCH = '城南党支部'; // made here, so the demo branches other journeys count stay as they are
const COLUMNS = ['姓名', '手机号', '支部', '党小组', '离退休', '积极分子', '角色'];

/** An import sheet of fifty people, with two bad rows slipped in when asked (spreadsheet rows 17 and 40). */
async function sheet(withBadRows: boolean): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('人员');
	ws.addRow(COLUMNS);
	for (let i = 0; i < 50; i++) {
		if (withBadRows && ws.rowCount + 1 === 17) ws.addRow(['错号', '1370000', BRANCH, '', '否', '否', '党员']);
		if (withBadRows && ws.rowCount + 1 === 40) ws.addRow(['错支部', '13799990000', '城东党支部', '', '否', '否', '党员']);
		ws.addRow([`新党员${i + 1}`, `1376000${String(i).padStart(4, '0')}`, BRANCH, '', i % 5 === 0 ? '是' : '否', '否', '党员']);
	}
	return Buffer.from(await wb.xlsx.writeBuffer());
}

test('an admin imports fifty members: two bad rows are named by row number, nothing is written until they are fixed', async ({ page, browser }) => {
	test.setTimeout(120_000);
	await signIn(page, DEMO.admin, undefined, '/manage/org');
	await page.getByLabel('名称').fill(BRANCH);
	await page.getByLabel('类型').selectOption({ label: '党支部' });
	await page.getByRole('button', { name: '添加下级组织' }).click();
	await expect(page.getByRole('status')).toContainText(BRANCH);

	await page.goto('/manage');
	await page.getByRole('link', { name: '批量导入' }).click();
	const template = page.waitForEvent('download');
	await page.getByRole('link', { name: '下载模板' }).click();
	expect((await template).suggestedFilename()).toBe('人员导入模板.xlsx');

	await page.getByLabel('选择 Excel 文件（.xlsx）').setInputFiles({ name: '城南.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await sheet(true) });
	await page.getByRole('button', { name: '预览检查' }).click();
	await expect(page.getByTestId('import-summary')).toContainText('共 52 人，2 行有问题');
	const bad = page.getByTestId('import-preview').locator('tr.bad');
	await expect(bad).toHaveCount(2);
	await expect(bad.nth(0)).toContainText(/^17错号1370000.*手机号“1370000”无效/);
	await expect(bad.nth(1)).toContainText(/^40错支部.*找不到支部“城东党支部”/);
	await expect(page.getByRole('button', { name: /^导入/ })).toHaveCount(0);
	await audit(page);
	await screenshot(page, 'people-import-preview', { fullPage: false });

	await page.getByLabel('选择 Excel 文件（.xlsx）').setInputFiles({ name: '城南.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await sheet(false) });
	await page.getByRole('button', { name: '预览检查' }).click();
	await expect(page.getByTestId('import-summary')).toContainText('共 50 人，0 行有问题');
	await page.getByRole('button', { name: '导入 50 人' }).click();
	const passwords = page.getByTestId('initial-passwords').getByRole('row');
	await expect(passwords).toHaveCount(51);
	await expect(page.getByText('初始密码只显示这一次')).toBeVisible();
	const first = passwords.nth(1).getByRole('cell');
	const [name, phone, , password] = await first.allInnerTexts();
	expect([name, phone]).toEqual(['新党员1', '13760000000']);
	await audit(page);

	// The new member signs in with the printed password and must choose their own.
	const phoneContext = await browser.newContext();
	const member = await phoneContext.newPage();
	await member.goto('/login');
	await member.getByLabel('手机号').fill(phone);
	await member.getByLabel('密码').fill(password);
	await member.getByRole('button', { name: '登录', exact: true }).click();
	await expect(member).toHaveURL(/\/password/);
	await phoneContext.close();

	// The log names the import (other journeys running at the same time may have logged actions since).
	await page.getByRole('navigation', { name: '管理' }).getByRole('link', { name: '操作日志' }).click();
	await expect(page.getByTestId('audit-log').getByRole('row').filter({ hasText: `王建国批量导入人员导入 50 人到${BRANCH}` })).toHaveCount(1);
	await audit(page);
});
