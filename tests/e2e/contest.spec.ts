import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { audit, DEMO, signIn, screenshot } from './helpers';

// The journey: a secretary sets up a contest of two rounds (必答 then 抢答) and hosts it on the
// projector; three members play on their phones to the podium; one drops out and comes back to the same
// seat and score; the results export lists everyone.

const E2E_DB = 'test-results/e2e-db/e2e.db';

/** The answer keys of a contest's questions in play order, read from the server's own database file. */
function keysOf(contestId: string): string[][] {
	const db = new Database(E2E_DB, { readonly: true });
	try {
		const plan = JSON.parse((db.prepare('SELECT plan FROM contests WHERE id = ?').get(contestId) as { plan: string }).plan) as { rounds: { questionIds: string[] }[]; versions: Record<string, number> };
		return plan.rounds.flatMap((r) =>
			r.questionIds.map((id) => (JSON.parse((db.prepare('SELECT content FROM question_versions WHERE question_id = ? AND version = ?').get(id, plan.versions[id]) as { content: string }).content) as { answer: string[] }).answer)
		);
	} finally {
		db.close();
	}
}

/** The button of an option key as the phone shows it (options keep their order: key A is the first button). */
const option = (page: Page, key: string) => page.locator('.pad .choice').nth(key.charCodeAt(0) - 65);
const wrongKey = (key: string[]) => (key[0] === 'A' ? 'B' : 'A');

/** With SCREENSHOTS=1 (npm run screenshots) the journey photographs each screen, phones in 关怀模式 too. */
const shot = (page: Page, name: string, elder = false) => screenshot(page, `contest-${name}`, { elder, fullPage: false });

/** The host's space bar, once the controls are ready again (they rest half a second after each step). */
async function next(host: Page) {
	await expect(host.locator('.controls .primary')).toBeEnabled();
	await host.keyboard.press('Space');
}

async function phone(browser: Browser, who: string, code: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, who, undefined, `/c/${code}`);
	await expect(page.getByText('已加入，等主持人开始')).toBeVisible();
	return page;
}

test('a secretary hosts two rounds on the projector; three phones play to the podium, one drops out and comes back', async ({ browser }) => {
	test.setTimeout(120_000);
	// The secretary's laptop, driving a projector.
	const host = await (await browser.newContext({ viewport: { width: 1280, height: 720 }, isMobile: false, hasTouch: false })).newPage();
	await signIn(host, DEMO.secretary, undefined, '/manage/contests/new');
	await host.getByLabel('竞赛名称').fill('支部知识竞赛（演练）');
	await host.getByLabel('按党小组组队').check();
	const round1 = host.getByRole('group', { name: '第 1 轮' });
	const bank = await round1.getByLabel('题库').locator('option', { hasText: '党章党规基础' }).getAttribute('value');
	await round1.getByLabel('题库').selectOption(bank!);
	await round1.getByLabel('题数').fill('2');
	await round1.getByLabel('读题秒数').fill('1');
	const round2 = host.getByRole('group', { name: '第 2 轮' });
	await expect(round2.getByLabel('类型')).toHaveValue('buzz');
	await round2.getByLabel('题数').fill('1');
	await round2.getByLabel('读题秒数').fill('1');
	await round2.getByLabel('抢答答错扣分').fill('5');
	await host.getByRole('button', { name: '创建竞赛' }).click();
	await host.waitForURL(/\/manage\/contests\/[\w-]+$/);
	const contestId = host.url().split('/').at(-1)!;
	const keys = keysOf(contestId);
	expect(keys).toHaveLength(3);

	await host.goto(`/display/contest/${contestId}`);
	const code = (await host.getByTestId('join-code').textContent())!.trim();
	expect(code).toMatch(/^\d{6}$/);
	await expect(host.getByRole('img', { name: new RegExp(`/c/${code}$`) })).toBeVisible();

	const [a, b, c] = [await phone(browser, '13800000005', code), await phone(browser, '13800000006', code), await phone(browser, '13800000007', code)];
	await expect(host.getByTestId('player-count')).toHaveText('3 人已加入');
	for (const name of ['杨静', '赵磊', '黄丽娟']) await expect(host.locator('.arrivals')).toContainText(name);
	await expect(host.getByTestId('teams-joined')).toContainText('第二党小组 2 人');
	await expect(host.getByTestId('teams-joined')).toContainText('第一党小组 1 人');
	await audit(a);
	await shot(host, 'host-lobby');
	await shot(a, 'phone-lobby', true);

	// Round 1, question 1: the space bar starts; answers open on the server's clock after the read time.
	await next(host);
	await expect(option(a, 'A')).toBeEnabled();
	await expect(host.getByTestId('answered')).toHaveText('已答 0/3');
	await shot(a, 'phone-open', true);
	await shot(host, 'host-open');
	await option(a, keys[0][0]).click();
	await expect(a.getByTestId('submitted')).toBeVisible();
	await shot(a, 'phone-submitted');
	await expect(host.getByTestId('answered')).toHaveText('已答 1/3');
	await option(b, wrongKey(keys[0])).click();
	await option(c, keys[0][0]).click();
	// Everyone has answered: the reveal comes without the host.
	await expect(a.getByTestId('my-result')).toContainText('答对了 +10 分');
	await expect(b.getByTestId('my-result')).toContainText('答错了');
	await expect(c.getByTestId('my-score')).toContainText('10 分');
	const counts = host.getByTestId('choice-count');
	await expect(counts.first()).toBeVisible();
	const at = (key: string) => key.charCodeAt(0) - 65;
	await expect(counts).toHaveText(Array.from({ length: await counts.count() }, (_, i) => String(i === at(keys[0][0]) ? 2 : i === at(wrongKey(keys[0])) ? 1 : 0)));
	await audit(a);
	await shot(host, 'host-reveal');
	await shot(b, 'phone-reveal', true);

	await next(host);
	await expect(a.getByText('第 2/2 题')).toBeVisible();
	await expect(host.getByText('第 2/2 题')).toBeVisible();

	// C closes the tab (a dropped phone) and comes back inside the open question: same seat, same score.
	await c.close();
	await expect(option(a, 'A')).toBeEnabled();
	const c2 = await (await c.context()).newPage();
	await c2.goto(`/c/${code}`);
	await expect(c2.getByTestId('my-score')).toContainText('10 分');
	await expect(option(c2, 'A')).toBeEnabled();
	await option(a, keys[1][0]).click();
	await option(b, keys[1][0]).click();
	await option(c2, wrongKey(keys[1])).click();
	await expect(c2.getByTestId('my-result')).toContainText('答错了');
	await expect(a.getByTestId('my-score')).toContainText('20 分');

	// The board after the round (not after every question). A double click moves on one step only.
	await host.getByRole('button', { name: '本轮排名（空格）' }).dblclick();
	await expect(host.getByRole('heading', { name: '第 1 轮结束 · 排行榜' })).toBeVisible();
	await host.waitForTimeout(1000);
	await expect(host.getByRole('heading', { name: '第 1 轮结束 · 排行榜' })).toBeVisible();
	await expect(host.getByTestId('team-board').locator('li').first()).toContainText('第二党小组');
	await expect(host.getByTestId('team-board').locator('li').first()).toContainText('30');
	await expect(host.locator('.board:not([data-testid]) .ranking li').first()).toContainText('杨静');
	await expect(a.getByText('第 1 轮结束 · 排行榜')).toBeVisible();
	await shot(host, 'host-board');
	await shot(a, 'phone-board');

	// Round 2: 抢答. B buzzes first and answers alone; a wrong answer costs 5.
	await next(host);
	await expect(b.getByRole('button', { name: '抢答' })).toBeEnabled();
	await shot(b, 'phone-buzzer', true);
	await b.getByRole('button', { name: '抢答' }).click();
	await expect(b.getByText('你抢到了！请作答')).toBeVisible();
	await expect(a.getByText('赵磊 抢到了')).toBeVisible();
	await expect(host.getByTestId('buzzer')).toHaveText('赵磊 抢到了');
	await shot(a, 'phone-buzzed-other');
	await expect(a.locator('.pad')).toHaveCount(0);
	await option(b, wrongKey(keys[2])).click();
	await expect(b.getByTestId('my-result')).toContainText('答错了 −5 分');

	// The end: the podium on the projector, each phone its own place.
	await next(host);
	await expect(host.getByRole('heading', { name: '第 2 轮结束 · 排行榜' })).toBeVisible();
	await next(host);
	await expect(host.getByRole('heading', { name: '比赛结束' })).toBeVisible();
	await expect(host.getByTestId('podium').locator('.p1')).toContainText('杨静');
	await expect(a.getByTestId('final-mine')).toHaveText('你获得第 1 名，20 分，答对 2 题');
	await expect(b.getByTestId('final-mine')).toHaveText('你获得第 3 名，5 分，答对 1 题');
	await audit(a);
	await shot(host, 'host-podium');
	await shot(a, 'phone-final', true);

	// The results export: per player the right answers and points, and every answer with its time.
	const [download] = await Promise.all([host.waitForEvent('download'), host.getByRole('link', { name: '导出成绩' }).click()]);
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.readFile(await download.path());
	const players = wb.getWorksheet('成绩')!;
	expect([2, 3, 4].map((n) => (players.getRow(n).values as unknown[]).slice(1, 7))).toEqual([
		[1, '杨静', '第二党小组', 2, 2, 20],
		[2, '黄丽娟', '第二党小组', 1, 2, 10],
		[3, '赵磊', '第一党小组', 1, 3, 5]
	]);
	expect(wb.getWorksheet('每题作答')!.rowCount).toBe(1 + 7);
});

test('a guest joins by nickname where the host allows it; where not, the phone is sent to sign in', async ({ browser }) => {
	const host = await (await browser.newContext({ viewport: { width: 1280, height: 720 }, isMobile: false, hasTouch: false })).newPage();
	await signIn(host, DEMO.secretary, undefined, '/manage/contests/new');
	await host.getByLabel('竞赛名称').fill('开放日竞赛');
	await host.getByLabel(/允许游客用昵称加入/).check();
	await host.getByLabel(/手动分队/).check();
	await host.getByLabel(/队名/).fill('红队\n蓝队');
	const round1 = host.getByRole('group', { name: '第 1 轮' });
	await round1.getByLabel('题数').fill('1');
	await round1.getByLabel('读题秒数').fill('0');
	const round2 = host.getByRole('group', { name: '第 2 轮' });
	await round2.getByLabel('类型').selectOption('stake');
	await round2.getByLabel('题数').fill('1');
	await round2.getByLabel('读题秒数').fill('15');
	await host.getByRole('button', { name: '创建竞赛' }).click();
	await host.waitForURL(/\/manage\/contests\/[\w-]+$/);
	const contestId = host.url().split('/').at(-1)!;
	const [key, stakeKey] = keysOf(contestId);
	await host.goto(`/display/contest/${contestId}`);
	const code = (await host.getByTestId('join-code').textContent())!.trim();

	// A phone that is not signed in: a nickname is asked for and checked.
	const guest = await (await browser.newContext()).newPage();
	await guest.goto(`/c/${code}`);
	await guest.locator('html[data-ready]').waitFor({ state: 'attached' });
	await expect(guest.getByRole('heading', { name: '以游客身份加入' })).toBeVisible();
	await audit(guest);
	await shot(guest, 'guest-nickname', true);
	await guest.getByLabel('昵称（会显示在大屏幕上）').fill('李书记');
	await guest.getByRole('button', { name: '加入' }).click();
	await expect(guest.getByRole('alert')).toHaveText('昵称不能冒充书记、管理员或组织');
	await guest.getByLabel('昵称（会显示在大屏幕上）').fill('访客小周');
	await guest.getByRole('button', { name: '加入' }).click();
	await expect(guest.getByText('已加入，等主持人开始')).toBeVisible();
	await expect(host.locator('.arrivals')).toContainText('访客小周');
	// Teams set by hand: the host places the guest from the projector's list.
	await host.getByLabel('访客小周 的队伍').selectOption({ label: '蓝队' });
	await expect(host.getByTestId('teams-joined')).toHaveText('蓝队 1 人');

	// Reloading keeps the seat without asking again; then the guest plays.
	await guest.reload();
	await expect(guest.getByText('已加入，等主持人开始')).toBeVisible();
	await next(host);
	await option(guest, key[0]).click();
	await expect(guest.getByTestId('my-result')).toContainText('答对了 +10 分');

	// A 风险题 round: the stake is picked while the question is hidden, then won whole.
	await next(host);
	await expect(host.getByRole('heading', { name: '第 1 轮结束 · 排行榜' })).toBeVisible();
	await expect(host.getByTestId('team-board')).toContainText('蓝队');
	await next(host);
	await expect(guest.getByText('题目将在选定分值后出现')).toBeVisible();
	await expect(guest.getByTestId('stem')).toHaveCount(0);
	await shot(guest, 'phone-stake', true);
	await guest.getByRole('button', { name: '20 分' }).click();
	await expect(guest.getByText('已选 20 分')).toBeVisible();
	await expect(host.getByText('已选分值 1/1')).toBeVisible();
	await next(host);
	await option(guest, stakeKey[0]).click();
	await expect(guest.getByTestId('my-result')).toContainText('答对了 +20 分');
	await expect(guest.getByTestId('my-score')).toContainText('30 分');

	// The demo contest keeps guests out: an anonymous phone goes to the sign-in page, and back after it.
	const stranger = await (await browser.newContext()).newPage();
	await stranger.goto('/c/135790');
	await stranger.waitForURL(/\/login\?next=%2Fc%2F135790/);
});
