import { expect, test } from '@playwright/test';
import { audit, DEMO, signIn } from './helpers';

test('a member finds the demo module in the library and reads a lesson', async ({ page }) => {
	await signIn(page, DEMO.member, undefined, '/study');
	await page.getByRole('region', { name: '政治学习' }).getByRole('link', { name: /支部工作条例/ }).click();
	await expect(page.getByRole('heading', { name: '《中国共产党支部工作条例（试行）》导读' })).toBeVisible();
	await page.getByRole('link', { name: /党支部的地位和作用/ }).click();
	await expect(page.getByTestId('lesson-body').getByRole('heading', { name: '党支部是党的基础组织' })).toBeVisible();
	await expect(page.getByText('第 1 / 3 课')).toBeVisible();
	await audit(page);
	await page.getByRole('link', { name: '下一课' }).click();
	await expect(page.getByRole('heading', { name: '“三会一课”与组织生活' })).toBeVisible();
});

test('a secretary writes a module; what members read has the Markdown and none of the script', async ({ page, browser }) => {
	await signIn(page, DEMO.secretary, undefined, '/manage/modules/new');
	await page.getByLabel('模块名称').fill('主题党日学习材料');
	await page.getByLabel('简介').fill('十一月主题党日');
	await page.getByRole('button', { name: '创建模块' }).click();
	await expect(page.getByRole('heading', { name: '主题党日学习材料' })).toBeVisible();
	await page.getByLabel('课程标题').fill('学习要点');
	await page.getByLabel('内容（Markdown）').fill('**牢记初心使命**\n\n<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">\n\n- 第一条\n- 第二条');
	await page.getByRole('button', { name: '添加一课' }).click();
	await expect(page.getByText('学习要点')).toBeVisible();
	await page.getByRole('button', { name: '发布模块' }).click();
	await expect(page.getByRole('status')).toContainText('已发布');
	await audit(page);

	const member = await (await browser.newContext()).newPage();
	await signIn(member, '13800000019', undefined, '/study?q=主题党日');
	await member.getByRole('link', { name: /主题党日学习材料/ }).click();
	await member.getByRole('link', { name: /学习要点/ }).click();
	const body = member.getByTestId('lesson-body');
	await expect(body.locator('strong')).toHaveText('牢记初心使命');
	await expect(body.getByRole('listitem')).toHaveText(['第一条', '第二条']);
	await expect(body.locator('script, img[onerror]')).toHaveCount(0);
	expect(await member.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});
