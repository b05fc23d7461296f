import { expect, test, type Page } from '@playwright/test';
import { audit, signIn, waitForServiceWorker } from './helpers';

/** Answer the question on screen (the first option, or a guess in each blank) and say whether it was right. */
async function answerOne(page: Page): Promise<boolean> {
	const blanks = page.getByLabel(/^第 \d+ 空$/);
	if ((await blanks.count()) > 0) {
		for (const blank of await blanks.all()) await blank.fill('猜一个');
	} else {
		await page.getByRole('group').last().getByRole('button').first().click();
	}
	await page.getByRole('button', { name: '提交答案' }).click();
	const feedback = page.getByTestId('feedback');
	await expect(feedback).toBeVisible();
	return (await feedback.textContent())!.includes('回答正确');
}

test('a member downloads a practice bank, practises offline, and the answers sync later into the 错题本', async ({ page, context }) => {
	await signIn(page, '13800000014', undefined, '/quiz');
	await waitForServiceWorker(page);
	await page.reload();
	await expect(page.getByTestId('daily-due')).toHaveText('今日待复习 10 题');
	await expect(page.getByTestId('mistake-count')).toHaveText('错题本是空的');
	await expect(page.getByRole('link', { name: '2026年第四季度保密知识测试' })).toBeVisible();
	const bank = page.getByRole('article', { name: '党章党规基础' });
	await bank.getByRole('button', { name: '下载离线练习' }).click();
	await expect(bank.getByTestId('downloaded')).toContainText('已下载 89 题');
	await audit(page);

	await context.setOffline(true);
	await bank.getByRole('link', { name: '开始练习' }).click();
	await expect(page.getByRole('heading', { name: '党章党规基础' })).toBeVisible();
	await expect(page.getByTestId('progress')).toHaveText('第 1 / 89 题');
	let wrong = 0;
	for (let i = 0; i < 3; i++) {
		if (!(await answerOne(page))) wrong++;
		await page.getByRole('button', { name: '下一题' }).click();
	}
	await expect(page.getByTestId('progress')).toHaveText('第 4 / 89 题');
	await expect(page.getByRole('banner').getByTestId('sync-indicator')).toContainText('3 条待同步');
	await audit(page);

	await context.setOffline(false);
	await expect(page.getByRole('banner').getByTestId('sync-indicator')).toHaveText('已同步');
	await page.goto('/quiz');
	await expect(page.getByTestId('mistake-count')).toHaveText(wrong ? `${wrong} 道错题` : '错题本是空的');
});

test('每日练习: the day’s set counts down as the member answers, and the explanation shows after each answer', async ({ page }) => {
	await signIn(page, '13800000015', undefined, '/quiz');
	await page.getByRole('link', { name: '开始今日练习' }).click();
	await expect(page.getByRole('heading', { name: '每日练习' })).toBeVisible();
	await expect(page.getByTestId('progress')).toHaveText('第 1 / 10 题');
	await answerOne(page);
	await expect(page.getByTestId('feedback')).toContainText('解析');
	await page.getByRole('button', { name: '下一题' }).click();
	await answerOne(page);
	await page.getByRole('link', { name: '返回考学' }).click();
	await expect(page.getByTestId('daily-due')).toHaveText('今日待复习 8 题');
});
