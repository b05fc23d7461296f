import { expect, test } from '@playwright/test';
import { audit, DEMO, screenshot, signIn } from './helpers';

test('a secretary opens the dashboard, grades a member for the half-year and exports the branch report', async ({ page }) => {
	await signIn(page, DEMO.secretary, undefined, '/manage/dashboard');
	await expect(page.getByRole('heading', { name: '工作台 · 机关第一党支部' })).toBeVisible();
	const tiles = page.getByTestId('dashboard-tiles');
	// 20 demo members, 21 once manage.spec has added one.
	await expect(tiles.locator('[data-tile="members"]')).toHaveText(/党员\s*2[01]$/);
	await expect(tiles.locator('[data-tile="week"]')).toHaveText(/本周参学率\s*\d+%/);
	// ECharts comes from /vendor only on this page and draws the 12-week trend on a canvas.
	await expect(page.getByTestId('chart').locator('canvas')).toBeVisible();
	await expect(page.getByRole('table').filter({ hasText: /\d{2}-\d{2}/ })).toHaveCount(1);
	await expect(page.getByTestId('attention')).toContainText('30 天没有学习');
	await audit(page);
	await screenshot(page, 'dashboard-branch', { elder: true });

	await page.getByRole('navigation', { name: '管理' }).getByRole('link', { name: '考评' }).click();
	await expect(page.getByRole('heading', { name: '考评 · 机关第一党支部' })).toBeVisible();
	const branch = page.getByTestId('report-branches').getByRole('row', { name: /机关第一党支部/ });
	await expect(branch).toContainText(/^机关第一党支部\s*2[01]/);
	const card = page.getByTestId('report-member').filter({ has: page.getByRole('heading', { name: '张伟', exact: true }) });
	await expect(card).toBeVisible();
	await card.getByLabel('评语').fill('学习主动，按时参加组织生活');
	await card.getByRole('button', { name: '保存' }).click();
	await expect(card.getByRole('alert')).toHaveText('请选择考评等次');
	await card.getByLabel('考评等次').selectOption({ label: '优秀' });
	await card.getByRole('button', { name: '保存' }).click();
	await expect(card.getByRole('status')).toHaveText('已保存考评');
	await expect(branch).toContainText(/1 \/ 2[01]$/);
	await audit(page);
	await screenshot(page, 'report-member', { fullPage: false, elder: true });
	await page.evaluate(() => window.scrollTo(0, 0));
	await screenshot(page, 'report-branch', { fullPage: false });

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: '导出 Excel' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^机关第一党支部-考评-\d{4}-H[12]\.xlsx$/);
	const ExcelJS = (await import('exceljs')).default;
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.readFile((await file.path())!);
	const people = wb.getWorksheet('党员明细')!;
	const row = people.getRows(2, people.rowCount - 1)!.find((r) => r.getCell(1).value === '张伟')!;
	expect([row.getCell(people.columnCount - 1).value, row.getCell(people.columnCount).value]).toEqual(['优秀', '学习主动，按时参加组织生活']);
});

test('the admin sees every branch, sorts them and drills down into one', async ({ page }) => {
	await signIn(page, DEMO.admin, undefined, '/manage/reports');
	await expect(page.getByRole('heading', { name: '考评 · 示范党委' })).toBeVisible();
	// Other journeys may add branches meanwhile (people-import.spec): look at the two demo branches' order.
	const names = () => page.getByTestId('report-branches').getByRole('link').allInnerTexts();
	const order = async () => (await names()).filter((n) => n === '机关第一党支部' || n === '离退休党支部');
	await expect(page.getByTestId('report-branches').getByRole('link', { name: '离退休党支部' })).toBeVisible();
	await expect(page.getByTestId('report-member')).toHaveCount(0);
	await page.getByRole('button', { name: '党员数' }).click();
	expect(await order()).toEqual(['机关第一党支部', '离退休党支部']);
	await page.getByRole('button', { name: /^党员数/ }).click();
	expect(await order()).toEqual(['离退休党支部', '机关第一党支部']);
	await audit(page);
	await page.getByRole('link', { name: '离退休党支部' }).click();
	await expect(page.getByRole('heading', { name: '考评 · 离退休党支部' })).toBeVisible();
	await expect(page.getByTestId('report-member')).toHaveCount(12);

	// The dashboard across the tree: both branches, sortable, each a link to its own dashboard.
	await page.goto('/manage/dashboard');
	await expect(page.getByRole('heading', { name: '工作台 · 示范党委' })).toBeVisible();
	await expect(page.getByTestId('report-branches').getByRole('link', { name: '机关第一党支部' })).toBeVisible();
	await audit(page);
	await page.getByTestId('report-branches').getByRole('link', { name: '离退休党支部' }).click();
	await expect(page.getByRole('heading', { name: '工作台 · 离退休党支部' })).toBeVisible();
	await expect(page.getByTestId('dashboard-tiles').locator('[data-tile="members"]')).toHaveText(/党员\s*12/);
});
