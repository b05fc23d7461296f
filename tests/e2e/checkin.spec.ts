import Database from 'better-sqlite3';
import { createHmac } from 'node:crypto';
import ExcelJS from 'exceljs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { audit, beijingNow, DEMO, signIn, waitForServiceWorker, screenshot } from './helpers';

// The journey: a secretary opens the check-in screen; member A opens the QR with the phone's own
// camera (not yet signed in) and is present; member B scans with the app while offline and is present
// after syncing; C asks for leave and gets it; D stays away; after closing, C and D owe a 补学; the minutes
// list everyone correctly; an old token replayed later is refused.

const E2E_DB = 'test-results/e2e-db/e2e.db';
const A = '13800000004'; // 刘洋
const B = '13800000005'; // 杨静
const C = '13800000006'; // 赵磊
const D = '13800000007'; // 黄丽娟
const E = '13800000008'; // 周强
const F = '13800000009'; // 吴敏

/** With SCREENSHOTS=1 (npm run screenshots) the journey photographs each screen, phones in 关怀模式 too. */
const shot = (page: Page, name: string, elder = false) => screenshot(page, `checkin-${name}`, { elder });

/** A token of this meeting from an older slot, made from its secret in the server's database: a photo of the screen kept for later. */
function oldToken(meetingId: string, slotsBack: number) {
	const db = new Database(E2E_DB, { readonly: true });
	try {
		const { secret } = db.prepare('SELECT secret FROM meetings WHERE id = ?').get(meetingId) as { secret: string };
		const slot = Math.floor(Date.now() / 15_000) - slotsBack;
		return { slot, token: createHmac('sha256', secret).update(`${meetingId}:${slot}`).digest('base64url').slice(0, 16) };
	} finally {
		db.close();
	}
}

async function member(browser: Browser, phone: string, next = '/checkin'): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, phone, undefined, next);
	return page;
}

test('check-in by camera QR and by offline scan, leave, absence, closing with 补学, minutes, and an old token refused', async ({ browser }) => {
	test.skip(beijingNow().time > '22:30', 'the meeting must fit in one Beijing day');
	test.setTimeout(150_000);
	const secretary = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false })).newPage();
	await signIn(secretary, DEMO.secretary, undefined, '/manage/meetings/new');
	const { date, time } = beijingNow();
	await secretary.getByLabel('会议类型').selectOption({ label: '主题党日' });
	await secretary.getByLabel('会议名称').fill('主题党日：学习党章（演练）');
	await secretary.getByLabel('日期').fill(date);
	await secretary.getByLabel('开始时间').fill(time);
	await secretary.getByLabel('结束时间').fill('23:59');
	await secretary.getByLabel('地点').fill('三楼会议室');
	await secretary.getByRole('checkbox', { name: '保密工作基本常识' }).check();
	// Chosen people rather than the whole branch: closing sends 补学 notices, and other journeys' members must not get them.
	await secretary.getByRole('group', { name: '参会人员' }).getByRole('checkbox', { checked: true }).uncheck();
	await secretary.getByLabel('另加人员（手机号，每行一个）').fill([A, B, C, D, E, F].join('\n'));
	await shot(secretary, 'new');
	await secretary.getByRole('button', { name: '安排', exact: true }).click();
	await expect(secretary.getByRole('heading', { level: 1 })).toHaveText('主题党日：学习党章（演练）');
	const meetingId = secretary.url().split('/').pop()!;
	await audit(secretary);

	// The projector: a rotating QR and its six digits.
	const screen = await (await browser.newContext({ viewport: { width: 1280, height: 720 }, isMobile: false, hasTouch: false })).newPage();
	await signIn(screen, DEMO.secretary, undefined, `/display/checkin/${meetingId}`);
	const qr = screen.getByTestId('checkin-qr');
	await expect(qr).toHaveAttribute('data-url', new RegExp(`/k/${meetingId}\\?s=\\d+&t=`));
	await expect(screen.getByTestId('checkin-code')).toHaveText(/^\d{6}$/);
	await expect(screen.getByTestId('checkin-count')).toContainText('已签到 0 / 6');
	await audit(screen);

	// A: the phone's own camera opens the QR's URL before signing in; signing in takes a while; still present.
	const qrUrl = (await qr.getAttribute('data-url'))!;
	const a = await (await browser.newContext()).newPage();
	await a.goto(qrUrl);
	await expect(a).toHaveURL(/\/login\?next=/);
	await a.getByLabel('手机号').fill(A);
	await a.getByLabel('密码').fill('xianfeng123');
	await a.getByRole('button', { name: '登录', exact: true }).click();
	await expect(a.getByTestId('checkin-result')).toContainText('签到成功');
	await expect(a.getByTestId('checkin-result')).toContainText('出席');
	await shot(a, 'k-done', true);
	await audit(a);
	await expect(screen.getByTestId('checkin-names')).toContainText('刘洋');
	await expect(screen.getByTestId('checkin-count')).toContainText('已签到 1 /');
	await shot(screen, 'screen');

	// B: the app's scanner with no signal — a photo of the screen's QR, kept in the outbox, sent later.
	const b = await member(browser, B);
	await waitForServiceWorker(b);
	await b.reload();
	await expect(b.getByTestId(`meeting-${meetingId}`)).toBeVisible();
	const photo = await qr.screenshot();
	await b.context().setOffline(true);
	await b.getByTestId('scan-photo').setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: photo });
	await expect(b.getByTestId(`meeting-${meetingId}`).getByTestId('my-status')).toContainText('联网后自动上传');
	await shot(b, 'offline-scan', true);
	await b.context().setOffline(false);
	await b.evaluate(() => window.dispatchEvent(new Event('online')));
	await expect(b.getByTestId(`meeting-${meetingId}`).getByTestId('my-status')).toContainText('已签到：出席', { timeout: 15_000 });
	await expect(screen.getByTestId('checkin-names')).toContainText('杨静');
	await audit(b);

	// The projector's own connection drops: the QR keeps rotating (made on the device), even after the page
	// is reloaded from the service worker's copy, and a code it made offline is good.
	await waitForServiceWorker(screen);
	await screen.reload();
	await expect(qr).toHaveAttribute('data-url', /\/k\//);
	await screen.context().setOffline(true);
	await expect(screen.getByRole('status')).toContainText('本机未联网', { timeout: 10_000 });
	await screen.reload();
	await expect(screen.getByTestId('checkin-count')).toBeVisible();
	const before = await qr.getAttribute('data-url');
	await expect(qr).not.toHaveAttribute('data-url', before!, { timeout: 16_000 });
	const madeOffline = (await qr.getAttribute('data-url'))!;
	await shot(screen, 'screen-offline');
	await screen.context().setOffline(false);
	const f = await member(browser, F, '/checkin');
	await f.goto(madeOffline);
	await expect(f.getByTestId('checkin-result')).toContainText('签到成功');

	// C asks for leave on the phone; the secretary approves it.
	const c = await member(browser, C);
	const card = c.getByTestId(`meeting-${meetingId}`);
	await card.getByText('请假', { exact: true }).click();
	await card.getByLabel('请假理由').fill('陪家人看病');
	await card.getByRole('button', { name: '提交请假' }).click();
	await expect(card.getByTestId('my-status')).toContainText('等待书记审批');
	await secretary.reload();
	await secretary.getByRole('region', { name: '待审批的请假' }).getByRole('button', { name: '批准', exact: true }).click();
	await expect(secretary.getByTestId('roster').getByRole('row').filter({ hasText: '赵磊' })).toContainText('请假');

	// E replays a photo of the screen taken a minute and a half ago: refused as expired, and not checked in.
	const e = await member(browser, E, '/checkin');
	const old = oldToken(meetingId, 6);
	await e.goto(`/k/${meetingId}?s=${old.slot}&t=${old.token}`);
	await expect(e.getByTestId('checkin-result')).toContainText('二维码已过期');
	await shot(e, 'k-expired');
	// A made-up token is refused as wrong.
	await e.goto(`/k/${meetingId}?s=${old.slot}&t=AAAAAAAAAAAAAAAA`);
	await expect(e.getByTestId('checkin-result')).toContainText('不是本次会议的签到码');

	// D stays away. The secretary writes the minutes and closes the meeting.
	await secretary.reload();
	await secretary.getByRole('textbox', { name: '会议记录' }).fill('## 议题：学习党章\n\n**发言人**：李红梅\n\n决定：每月学习一章。');
	await secretary.getByRole('button', { name: '保存会议记录' }).click();
	await expect(secretary.getByText('已保存')).toBeVisible();
	await secretary.getByRole('button', { name: '结束会议，生成补学' }).click();
	await expect(secretary.getByText(/会议已于 .* 结束/)).toBeVisible();
	const row = (name: string) => secretary.getByTestId('roster').getByRole('row').filter({ hasText: name });
	await expect(row('刘洋')).toContainText('出席');
	await expect(row('杨静')).toContainText('出席');
	await expect(row('赵磊')).toContainText('请假');
	await expect(row('赵磊')).toContainText('未补学');
	await expect(row('黄丽娟')).toContainText('缺席');
	await expect(row('吴敏')).toContainText('出席');
	await expect(row('周强')).toContainText('缺席');
	await shot(secretary, 'attendance');
	await audit(secretary);

	// The minutes list everyone where they belong.
	await secretary.getByRole('link', { name: '会议记录（打印）' }).click();
	await expect(secretary.getByTestId('minutes-present')).toContainText('刘洋');
	await expect(secretary.getByTestId('minutes-present')).toContainText('杨静');
	await expect(secretary.getByTestId('minutes-excused')).toHaveText(/赵磊（陪家人看病）/);
	await expect(secretary.getByTestId('minutes-absent')).toContainText('黄丽娟');
	await expect(secretary.getByTestId('minutes-absent')).not.toContainText('刘洋');
	await expect(secretary.getByTestId('minutes-page')).toContainText('决定：每月学习一章');
	await shot(secretary, 'minutes');
	await audit(secretary);

	// The attendance workbook says the same.
	await secretary.goto(`/manage/meetings/${meetingId}`);
	const [download] = await Promise.all([secretary.waitForEvent('download'), secretary.getByRole('link', { name: '导出考勤 xlsx' }).click()]);
	const book = new ExcelJS.Workbook();
	await book.xlsx.readFile(await download.path());
	const sheet = book.worksheets[0];
	const statusOf = (name: string) => {
		let status = '';
		sheet.eachRow((row) => {
			if (row.getCell(1).value === name) status = String(row.getCell(3).value);
		});
		return status;
	};
	expect([statusOf('刘洋'), statusOf('杨静'), statusOf('赵磊'), statusOf('黄丽娟')]).toEqual(['出席', '出席', '请假', '缺席']);

	// C and D now owe a 补学; A does not.
	for (const [page, owes] of [
		[c, true],
		[await member(browser, D), true],
		[a, false]
	] as const) {
		await page.goto('/checkin');
		await expect(page.getByTestId(`makeup-${meetingId}`)).toHaveCount(owes ? 1 : 0);
	}
	await c.getByTestId(`makeup-${meetingId}`).click();
	await expect(c.getByTestId('makeup-minutes')).toContainText('每月学习一章');
	await shot(c, 'makeup', true);
	await audit(c);
	// C read 保密工作基本常识 earlier (the demo's study plan), so the 补学 is accepted; the secretary sees it.
	await expect(c.getByText('已学 3/3 课')).toBeVisible();
	await c.getByRole('button', { name: /完成补学/ }).click();
	await expect(c.getByTestId('makeup-done')).toContainText('完成补学');
	await secretary.reload();
	await expect(row('赵磊')).toContainText('已补学');
	await expect(row('黄丽娟')).toContainText('未补学');
});

test('the compliance page puts overdue meetings first and flags repeated absences', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	await signIn(page, DEMO.admin, undefined, '/manage/meetings/compliance');
	const rows = page.getByTestId('compliance').getByRole('row');
	await expect(rows.nth(1)).toHaveClass(/overdue/);
	await expect(page.getByTestId('compliance')).toContainText('离退休党支部');
	await expect(page.getByTestId('attendance-stats')).toContainText('孙晓燕');
	await shot(page, 'compliance');
	await audit(page);
	// Only the organisation admin sees the rules; a threshold out of range is refused with a message.
	await page.getByLabel('缺席几次提醒').fill('0');
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('alert')).toHaveText('缺席提醒次数须为 1–20');
});

test('a meeting arranged by mistake is called off and leaves the list', async ({ page }) => {
	await signIn(page, DEMO.secretary, undefined, '/manage/meetings/new');
	const tomorrow = new Date(Date.now() + 8 * 3600_000 + 86400_000).toISOString().slice(0, 10);
	await page.getByLabel('会议类型').selectOption({ label: '支委会' });
	await page.getByLabel('会议名称').fill('支委会（安排错了）');
	await page.getByLabel('日期').fill(tomorrow);
	await page.getByRole('group', { name: '参会人员' }).getByRole('checkbox', { checked: true }).uncheck();
	await page.getByLabel('另加人员（手机号，每行一个）').fill(DEMO.secretary);
	await page.getByRole('button', { name: '安排', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('支委会（安排错了）');
	await shot(page, 'cancel', true);
	page.once('dialog', (d) => void d.accept());
	await page.getByRole('button', { name: '撤销这次会议' }).click();
	await expect(page.getByRole('status')).toHaveText('会议已撤销，参会人员已收到通知。');
	await expect(page.getByText('支委会（安排错了）')).toHaveCount(0);
	await audit(page);
});
