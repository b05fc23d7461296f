import { expect, test } from '@playwright/test';
import { audit, DEMO, signIn } from './helpers';

test('the login page lists the demo accounts while the demo organisation exists', async ({ page }) => {
	await page.goto('/login');
	await expect(page.getByRole('heading', { name: '演示账号' })).toBeVisible();
	for (const phone of Object.values(DEMO)) await expect(page.getByText(phone)).toBeVisible();
	await audit(page);
});

test('a wrong password gets one clear message and no session', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('手机号').fill(DEMO.member);
	await page.getByLabel('密码').fill('not-the-password');
	await page.getByRole('button', { name: '登录', exact: true }).click();
	await expect(page.getByRole('alert')).toHaveText('手机号或密码不正确');
	await page.goto('/study');
	await expect(page).toHaveURL(/\/login\?next=%2Fstudy/);
});

for (const [role, phone, name, roles] of [
	['admin', DEMO.admin, '王建国', ['党员', '组织管理员']],
	['secretary', DEMO.secretary, '李红梅', ['党员', '支部书记']],
	['member', DEMO.member, '张伟', ['党员']],
	['retired secretary', DEMO.retiredSecretary, '陈德厚', ['党员', '支部书记', '离退休']]
] as const) {
	test(`signs in as the demo ${role}`, async ({ page }) => {
		await signIn(page, phone);
		await expect(page).toHaveURL(/\/study$/);
		await expect(page.getByRole('heading', { name: `${name}，您好` })).toBeVisible();
		await expect(page.getByRole('heading', { name: '学习资料库' })).toBeVisible();
		await audit(page);
		await page.getByRole('link', { name: '我的', exact: true }).click();
		for (const r of roles) await expect(page.locator('.badge', { hasText: r }).first()).toBeVisible();
		await expect(page.getByRole('link', { name: '进入管理' })).toHaveCount(role === 'member' ? 0 : 1);
		await audit(page);
	});
}

test('a member gets 403 at /manage', async ({ page }) => {
	await signIn(page, DEMO.member);
	const response = await page.goto('/manage');
	expect(response?.status()).toBe(403);
	await expect(page.getByText('没有权限访问这个页面')).toBeVisible();
	await audit(page);
});

test('a secretary sees only their branch and cannot open a member of the other branch', async ({ page, browser }) => {
	// The admin finds a member of 离退休党支部 …
	const adminPage = await (await browser.newContext()).newPage();
	await signIn(adminPage, DEMO.admin, undefined, '/manage');
	await adminPage.getByLabel('搜索姓名或手机号').fill('郑桂英');
	await adminPage.getByRole('button', { name: '搜索' }).click();
	const href = await adminPage.getByRole('link', { name: /郑桂英/ }).getAttribute('href');
	expect(href).toMatch(/^\/manage\/people\//);
	await audit(adminPage);

	// … whom the secretary of 机关第一党支部 can neither list nor open.
	await signIn(page, DEMO.secretary, undefined, '/manage');
	await expect(page.getByRole('heading', { name: '人员' })).toBeVisible();
	await expect(page.getByRole('link', { name: /张伟/ })).toBeVisible();
	await expect(page.getByRole('link', { name: /郑桂英/ })).toHaveCount(0);
	await audit(page);
	const response = await page.goto(href!);
	expect(response?.status()).toBe(403);
});

const memberDatabases = (page: import('@playwright/test').Page) =>
	page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith('xianfeng-')));

test('sign-out ends the session and wipes the member’s data from the device', async ({ page }) => {
	await signIn(page, DEMO.member, undefined, '/me');
	await expect(page.getByRole('banner').getByTestId('sync-indicator')).toHaveText('已同步');
	expect(await memberDatabases(page)).toHaveLength(1);
	await page.goto('/logout');
	await audit(page);
	await page.getByRole('button', { name: '退出登录' }).click();
	await expect(page).toHaveURL(/\/login$/);
	expect(await memberDatabases(page)).toEqual([]);
	await page.goto('/me');
	await expect(page).toHaveURL(/\/login\?next=%2Fme/);
});

test('the projector layout has no app chrome and lists what can be projected', async ({ page }) => {
	await signIn(page, DEMO.secretary, undefined, '/display');
	await expect(page.getByRole('heading', { name: '会议签到' })).toBeVisible();
	await expect(page.getByRole('heading', { name: '知识竞赛' })).toBeVisible();
	await expect(page.getByRole('navigation')).toHaveCount(0);
	await audit(page);
});

test('signing in works without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('手机号').fill(DEMO.member);
	await page.getByLabel('密码').fill('xianfeng123');
	await page.getByRole('button', { name: '登录', exact: true }).click();
	await expect(page).toHaveURL(/\/study$/);
	await expect(page.getByRole('heading', { name: '张伟，您好' })).toBeVisible();
	await context.close();
});
