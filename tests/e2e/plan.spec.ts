import { expect, test } from '@playwright/test';
import { audit, DEMO, signIn, waitForServiceWorker } from './helpers';

const MEMBER = '13800000017'; // 林小芳, 机关第一党支部: on no demo plan, in no other journey
const beijingDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

test('a plan from assignment to grade: the member reads and reflects offline, the secretary reviews, the overdue list and reminder follow', async ({ page, browser }) => {
	test.setTimeout(240_000);
	// The secretary assigns 机关公文处理基础 with one effective minute per lesson, due yesterday.
	await signIn(page, DEMO.secretary, undefined, '/manage/plans/new');
	await page.getByLabel('计划名称').fill('公文处理专题学习');
	await page.getByLabel(/机关公文处理基础/).check();
	await page.getByLabel('开始日期').fill(beijingDay(Date.now() - 7 * 86400_000));
	await page.getByLabel('截止日期').fill(beijingDay(Date.now() - 86400_000));
	await page.getByLabel(/每课最少有效学习分钟/).fill('1');
	await page.getByRole('button', { name: '创建计划' }).click();
	await expect(page.getByRole('heading', { name: '公文处理专题学习' })).toBeVisible();
	const overdue = page.getByTestId('overdue');
	await expect(overdue).toContainText('林小芳');
	await audit(page);

	// The member downloads the plan (the size shown first), then loses the network.
	const phone = await (await browser.newContext()).newPage();
	const member = phone.context();
	await signIn(phone, MEMBER, undefined, '/study');
	await waitForServiceWorker(phone);
	const card = phone.getByTestId('plan-card').filter({ hasText: '公文处理专题学习' });
	await expect(card).toContainText('已逾期');
	await expect(card).toContainText('已学 0/3 课 · 心得 0/1 篇');
	await card.getByRole('button', { name: /下载整个计划（约 \d+ KB）/ }).click();
	await expect(card.getByTestId('downloaded')).toContainText('已下载到本机');
	await phone.goto('/me');
	await expect(phone.getByTestId('downloads-card')).toContainText(/学习：机关公文处理基础 \d+ KB/);

	await phone.goto('/study');

	await member.setOffline(true);
	await card.getByRole('link', { name: /机关公文处理基础/ }).click();
	await expect(phone.getByTestId('module-plan')).toContainText('公文处理专题学习');
	await phone.getByRole('link', { name: /常用公文文种怎么选/ }).click();
	await expect(phone.getByTestId('reading-progress')).toContainText('有效学习 0 / 1 分钟');
	await audit(phone);
	// Read for a minute and a bit, scrolling now and then: only time with the page in front and a recent touch counts.
	for (let i = 0; i < 7; i++) {
		await phone.mouse.wheel(0, i % 2 ? -200 : 200);
		await phone.waitForTimeout(10_000);
	}
	await expect(phone.getByTestId('reading-progress')).toHaveAttribute('data-done', 'true');
	await expect(phone.getByTestId('reading-progress')).toContainText('本课已学完');

	// Still offline: the reflection is written and handed in; it waits in the outbox.
	await phone.getByRole('link', { name: /机关公文处理基础/ }).first().click();
	await expect(phone.getByRole('heading', { name: '机关公文处理基础' })).toBeVisible();
	const box = phone.getByLabel('写下学习心得');
	await box.fill('学习了常用文种。');
	await expect(phone.getByText(/已写 8 字，至少 50 字/)).toBeVisible();
	await expect(phone.getByRole('button', { name: '提交心得' })).toBeDisabled();
	const text = '学习了常用公文文种以后，我认识到请示和报告不能混用：请示要一文一事，报告里不能夹带请示事项。以后起草公文前，我要先想清楚行文目的和主送机关，再选文种。';
	await box.fill(text);
	await phone.getByRole('button', { name: '提交心得' }).click();
	await expect(phone.getByTestId('reflection-state')).toHaveText('已保存在本机，联网后自动提交');
	await expect(phone.getByRole('banner').getByTestId('sync-indicator')).toContainText('待同步');
	await audit(phone);

	await member.setOffline(false);
	await expect(phone.getByRole('banner').getByTestId('sync-indicator')).toHaveText('已同步');

	// The secretary finds it in the queue and grades it.
	await page.goto('/manage/reflections');
	const item = page.getByTestId('review-item').filter({ hasText: '林小芳' });
	await expect(item).toContainText('请示和报告不能混用');
	await audit(page);
	await item.getByLabel('优秀').check();
	await item.getByLabel(/评语/).fill('抓住了要点');
	await item.getByRole('button', { name: '评阅', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('已评阅');
	await expect(page.getByTestId('review-item').filter({ hasText: '林小芳' })).toHaveCount(0);

	// The plan view: one lesson of three, the reflection graded, still overdue (two lessons left); one click reminds.
	await page.goto('/manage/plans');
	await page.getByRole('link', { name: /公文处理专题学习/ }).click();
	const row = page.getByTestId('plan-table').getByRole('row').filter({ hasText: '林小芳' });
	await expect(row).toContainText('1/3');
	await expect(row).toContainText('优秀');
	await expect(row).toContainText('逾期');
	const total = (await page.getByTestId('plan-table').getByRole('row').count()) - 1;
	await expect(overdue.getByRole('heading')).toHaveText(`逾期未完成（${total} 人）`);
	await overdue.getByRole('button', { name: '一键提醒逾期党员' }).click();
	await expect(overdue.getByRole('status')).toHaveText(`已向 ${total} 人发送提醒`);

	// The member sees the grade (the badge goes once opened) and the reminder.
	await phone.goto('/study');
	await expect(phone.locator('a[href="/study"]').getByTestId('tab-badge')).toHaveText('2');
	await expect(phone.getByTestId('notices')).toContainText('请在');
	await phone.getByTestId('new-reviews').click();
	const mine = phone.getByTestId('my-reflection').filter({ hasText: '机关公文处理基础' });
	await expect(mine).toContainText('优秀');
	await expect(mine).toContainText('抓住了要点');
	await expect(phone.locator('a[href="/study"]').getByTestId('tab-badge')).toHaveText('1');
	await audit(phone);
});
