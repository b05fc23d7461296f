import { expect, test } from '@playwright/test';
import { audit, signIn, waitForServiceWorker } from './helpers';

const rootFontPx = (page: import('@playwright/test').Page) =>
	page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

test('elder mode enlarges the type and the touch targets, and is remembered', async ({ page }) => {
	await signIn(page, '13800000010', undefined, '/me');
	const before = await rootFontPx(page);
	const headingBefore = (await page.getByRole('heading', { name: '我的' }).boundingBox())!.height;
	await page.getByTestId('elder-toggle').check();
	await expect(page.locator('html')).toHaveClass(/elder/);
	expect(await rootFontPx(page)).toBeGreaterThanOrEqual(before * 1.25);
	expect((await page.getByRole('heading', { name: '我的' }).boundingBox())!.height).toBeGreaterThan(headingBefore * 1.2);
	for (const tab of await page.getByRole('navigation', { name: '主导航' }).getByRole('link').all()) {
		const box = (await tab.boundingBox())!;
		expect(box.height).toBeGreaterThanOrEqual(48);
	}
	await audit(page);
	await expect(page.getByRole('banner').getByTestId('sync-indicator')).toHaveText('已同步');
	await page.reload();
	await expect(page.locator('html')).toHaveClass(/elder/);
	await page.goto('/study');
	await expect(page.locator('html')).toHaveClass(/elder/);
});

test('switches to English and back, through the member’s setting', async ({ page }) => {
	await signIn(page, '13800000011', undefined, '/me');
	await page.getByTestId('locale-select').selectOption('en');
	await expect(page.getByRole('heading', { name: 'Me', exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Study', exact: true })).toBeVisible();
	await audit(page);
	await page.getByTestId('locale-select').selectOption('zh-CN');
	await expect(page.getByRole('heading', { name: '我的', exact: true })).toBeVisible();
});

test('after one online visit, a reload while offline shows the app', async ({ page, context }) => {
	await signIn(page, '13800000012', undefined, '/study');
	await waitForServiceWorker(page);
	await page.reload(); // now served through the service worker, which keeps a copy
	await page.goto('/me');
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { name: '我的' })).toBeVisible();
	await page.getByRole('link', { name: '学习', exact: true }).click();
	await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible();
	// A page never opened before shows our offline page, not the browser's error.
	await page.goto('/manage/people/new').catch(() => {});
	await expect(page.getByRole('heading', { name: '当前离线' })).toBeVisible();
	await audit(page);
	await context.setOffline(false);
});

test('a setting changed offline syncs after going online and follows the member to another device', async ({ page, context, browser }) => {
	await signIn(page, '13800000013', undefined, '/me');
	await waitForServiceWorker(page);
	await expect(page.getByRole('banner').getByTestId('sync-indicator')).toHaveText('已同步');

	await context.setOffline(true);
	await page.getByTestId('elder-toggle').check();
	await expect(page.locator('html')).toHaveClass(/elder/);
	await expect(page.getByRole('banner').getByTestId('sync-indicator')).toContainText('1 条待同步');
	await audit(page);

	await context.setOffline(false);
	await expect(page.getByRole('banner').getByTestId('sync-indicator')).toHaveText('已同步');

	const otherDevice = await (await browser.newContext()).newPage();
	await signIn(otherDevice, '13800000013', undefined, '/study');
	await expect(otherDevice.locator('html')).toHaveClass(/elder/);
});
