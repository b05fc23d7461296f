import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'xianfeng123';
export const DEMO = { admin: '13800000000', secretary: '13800000001', member: '13800000002', retiredSecretary: '13800000003' } as const;

/** Sign in through the real form, as a person would. */
export async function signIn(page: Page, phone: string, password = DEMO_PASSWORD, next?: string) {
	await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
	await page.getByLabel('手机号').fill(phone);
	await page.getByLabel('密码').fill(password);
	await page.getByRole('button', { name: '登录', exact: true }).click();
	await page.waitForURL((url) => url.pathname !== '/login');
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
}

/**
 * axe on the page as it is, then again in elder mode (关怀模式): a serious or critical
 * violation in either fails the journey.
 */
export async function audit(page: Page) {
	for (const elder of [false, true]) {
		const was = await page.evaluate((on) => {
			const had = document.documentElement.classList.contains('elder');
			document.documentElement.classList.toggle('elder', on);
			return had;
		}, elder);
		const results = await new AxeBuilder({ page }).analyze();
		await page.evaluate((had) => document.documentElement.classList.toggle('elder', had), was);
		const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(
			bad.map((v) => `${v.id} (${v.impact}) on ${page.url()}${elder ? ' [关怀模式]' : ''}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
			'accessibility violations'
		).toEqual([]);
	}
}

/** Wait until the service worker controls this page, so offline reloads can be served from it. */
export async function waitForServiceWorker(page: Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
		}
	});
}

/**
 * With SCREENSHOTS=1 (npm run screenshots), photograph the page as test-results/screens/<name>.png,
 * and in 关怀模式 too when `elder` is set; otherwise do nothing.
 */
export async function screenshot(page: Page, name: string, { elder = false, fullPage = true } = {}) {
	if (!process.env.SCREENSHOTS) return;
	await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage });
	if (!elder) return;
	await page.evaluate(() => document.documentElement.classList.add('elder'));
	await page.screenshot({ path: `test-results/screens/${name}-elder.png`, fullPage });
	await page.evaluate(() => document.documentElement.classList.remove('elder'));
}

/** Beijing date and HH:MM now, as the meeting form takes them. */
export function beijingNow() {
	const iso = new Date(Date.now() + 8 * 3600_000).toISOString();
	return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}
