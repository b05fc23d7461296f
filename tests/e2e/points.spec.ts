import { expect, test } from '@playwright/test';
import { SECRECY_BANK } from '../../src/lib/server/db/seed/bank-secrecy';
import { audit, screenshot, signIn } from './helpers';

const SECRETARY = '13800000003'; // 陈德厚, secretary of 离退休党支部
const MEMBER = '13800000024'; // 唐国庆, 离退休党支部: in no other journey
const EXAM = '保密判断题小测';
const MIN = 60_000;

/** The demo bank's 判断 keys by stem, as the seed writes them ("…[对]" / "…[错]"). */
const judgeKeys = [...SECRECY_BANK.matchAll(/^\d+\.\s*(.+?)\[(对|错)\]/gm)].map((x) => ({ stem: x[1].trim(), key: x[2] }));

test('a member earns points from a lesson and an exam and sees them against the daily caps', async ({ page, browser }) => {
	test.setTimeout(180_000);
	// The secretary sets a five-question 判断 exam for this one member.
	await signIn(page, SECRETARY, undefined, '/manage/exams/new');
	await page.getByLabel('考试名称').fill(EXAM);
	const bank = page.getByLabel('题库 1');
	const secrecy = (await bank.locator('option').allTextContents()).find((t) => t.startsWith('保密与安全常识'))!;
	await bank.selectOption({ label: secrecy });
	await page.getByLabel('题型').first().selectOption('判断');
	await page.getByLabel('题数').first().fill('5');
	await page.getByLabel('另加人员（手机号，每行一个）').fill(MEMBER);
	await page.getByRole('button', { name: '保存为草稿' }).click();
	await page.getByRole('button', { name: '发布考试' }).click();
	await expect(page.getByRole('status')).toContainText('考试已发布');

	// The member's phone clock starts eleven minutes back, so ten minutes of reading pass in seconds
	// and still end before the server's clock (the server never credits time that has not passed).
	const phone = await (await browser.newContext()).newPage();
	await phone.clock.install({ time: Date.now() - 11 * MIN });
	await signIn(phone, MEMBER, undefined, '/me');
	await expect(phone.getByTestId('points-card')).toHaveText(/学习积分：累计 0 分，今日 0 分/);
	await phone.goto('/study');
	await phone.getByRole('region', { name: '政治学习' }).getByRole('link', { name: /支部工作条例/ }).click();
	await phone.getByRole('link', { name: /党支部的地位和作用/ }).click();
	await expect(phone.getByTestId('lesson-body')).toBeVisible();
	for (let i = 0; i < 21; i++) {
		await phone.mouse.wheel(0, i % 2 ? -150 : 150);
		await phone.clock.runFor(30_000);
	}
	await expect(phone.getByRole('banner').getByTestId('sync-indicator')).toHaveText('已同步');

	await phone.goto('/me/points');
	const today = phone.getByTestId('points-today');
	await expect(today.locator('[data-rule="study"]')).toContainText('已获 2/6');
	await expect(today.locator('[data-rule="exam"]')).toContainText('已获 0/20');
	await expect(phone.getByTestId('points-total')).toHaveText('2');

	// The exam: every 判断 answered right from the bank's keys.
	await phone.goto('/quiz');
	await phone.getByRole('link', { name: EXAM }).click();
	await phone.getByRole('button', { name: '开始考试' }).click();
	for (let i = 0; i < 5; i++) {
		const stem = (await phone.getByTestId('stem').innerText()).trim();
		const key = judgeKeys.find((k) => stem.includes(k.stem.slice(0, 12)))!.key;
		await phone.getByRole('group').last().getByRole('button', { name: key, exact: true }).click();
		if (i < 4) await phone.getByRole('button', { name: '下一题' }).click();
	}
	await expect(phone.getByTestId('exam-answered')).toHaveText('已答 5 / 5');
	phone.once('dialog', (d) => d.accept());
	await phone.getByRole('button', { name: '交卷' }).click();
	await expect(phone.getByTestId('exam-result')).toBeVisible();

	await phone.goto('/me/points');
	await expect(today.locator('[data-rule="exam"]')).toContainText('已获 10/20');
	await expect(today.locator('[data-rule="study"]')).toContainText('已获 2/6');
	await expect(phone.getByTestId('points-total')).toHaveText('12');
	// Ranked in the branch this year (others may be earning points in other journeys at the same time).
	await expect(phone.getByTestId('rank-branch').getByRole('listitem').filter({ hasText: '唐国庆' })).toContainText(/离退休党支部\s*12$/);
	await expect(phone.getByTestId('rank-mine-branch')).toHaveText(/^我的排名：第 \d+ 名（共 12 人），12 分$/);
	const history = phone.getByTestId('points-history').getByRole('listitem');
	await expect(history).toHaveCount(2);
	await expect(history.first()).toHaveText(new RegExp(`^考试合格 ${EXAM} .+ \\+10$`));
	await expect(history.last()).toHaveText(/^有效学习 .+ \+2$/);
	await audit(phone);
	await screenshot(phone, 'points-member', { elder: true });
	await phone.goto('/me');
	await expect(phone.getByTestId('points-card')).toHaveText(/学习积分：累计 12 分，今日 12 分/);

	// 学习档案: the same learning as a timeline, printable and exported to Excel.
	await phone.getByRole('link', { name: '学习档案' }).click();
	const timeline = phone.getByTestId('record-timeline').getByRole('listitem');
	await expect(timeline).toHaveCount(2);
	await expect(timeline.first()).toHaveText(new RegExp(`^.+ · 考试 ${EXAM} 5 / 5 分，合格 \\+10$`));
	await expect(timeline.last()).toHaveText(/^.+ · 学习 《中国共产党支部工作条例（试行）》导读 有效学习 10 分钟 \+2$/);
	await expect(phone.getByTestId('record-summary')).toContainText('考试参加 1 场，合格 1 场');
	await audit(phone);
	await screenshot(phone, 'record-member', { elder: true });
	const download = phone.waitForEvent('download');
	await phone.getByRole('link', { name: '导出 Excel' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^唐国庆-学习档案-2026-H2\.xlsx$/);
});

test('the organisation admin sets the point rules; a bad number is refused by name', async ({ page }) => {
	await signIn(page, '13800000000', undefined, '/manage/points');
	await expect(page.getByRole('heading', { name: '积分规则' })).toBeVisible();
	await page.getByLabel('每多少分钟得 1 分').fill('0');
	await page.getByRole('button', { name: '保存积分规则' }).click();
	await expect(page.getByRole('alert')).toHaveText('「有效学习·每多少分钟得 1 分」应为 1 到 120 的整数');
	await audit(page);
	await screenshot(page, 'points-rules');
	await page.reload();
	await expect(page.getByLabel('每多少分钟得 1 分')).toHaveValue('5');
});
