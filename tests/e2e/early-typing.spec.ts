import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './helpers';

// On a cheap phone on a weak network the form is on screen seconds before its script has run. Text typed
// in that time must still be there once the script takes over the page (Svelte resets `value={…}` inputs
// when it hydrates them).
test.use({ serviceWorkers: 'block' }); // so that page.route sees the script requests

test('text typed before the page script has loaded is kept', async ({ page }) => {
	await signIn(page, DEMO.secretary, undefined, '/manage/questions');
	let release!: () => void;
	const gate = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await gate;
		await route.continue();
	});
	await page.goto('/manage/questions/new', { waitUntil: 'domcontentloaded' });
	await page.getByLabel('题库名称').fill('早到的题库');
	await page.getByLabel('考试题库').check();
	await expect(page.locator('html[data-ready]')).toHaveCount(0);
	release();
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	await expect(page.getByLabel('题库名称')).toHaveValue('早到的题库');
	await expect(page.getByLabel('考试题库')).toBeChecked();
	await page.getByRole('button', { name: '创建题库' }).click();
	await expect(page.getByRole('heading', { name: '早到的题库' })).toBeVisible();
});
