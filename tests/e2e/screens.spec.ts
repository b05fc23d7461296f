import { test } from '@playwright/test';
import { DEMO, signIn } from './helpers';

// `npm run screenshots`: the main pages at a phone viewport, normal and 关怀模式, into test-results/screens/.

const pages = [
	['study', '/study', DEMO.member],
	['me', '/me', DEMO.member],
	['quiz', '/quiz', DEMO.member],
	['manage', '/manage', DEMO.secretary],
	['person', '/manage/people/new', DEMO.secretary],
	['org', '/manage/org', DEMO.admin],
	['banks', '/manage/questions', DEMO.admin],
	['contest-join', '/contest', DEMO.member],
	['contests-new', '/manage/contests/new', DEMO.secretary]
] as const;

test('login', async ({ page }) => {
	await page.goto('/login');
	await page.screenshot({ path: 'test-results/screens/login.png', fullPage: true });
});

for (const [name, path, phone] of pages) {
	test(name, async ({ page }) => {
		await signIn(page, phone, undefined, path);
		await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
		await page.evaluate(() => document.documentElement.classList.add('elder'));
		await page.screenshot({ path: `test-results/screens/${name}-elder.png`, fullPage: true });
	});
}

test('bank', async ({ page }) => {
	await signIn(page, DEMO.admin, undefined, '/manage/questions');
	await page.getByRole('link', { name: /党章党规基础/ }).click();
	await page.getByRole('heading', { name: '党章党规基础' }).waitFor();
	await page.screenshot({ path: 'test-results/screens/bank.png', fullPage: false });
	await page.evaluate(() => document.documentElement.classList.add('elder'));
	await page.screenshot({ path: 'test-results/screens/bank-elder.png', fullPage: false });
	await page.getByRole('link', { name: '编辑' }).first().click();
	await page.getByRole('heading', { name: '编辑题目' }).waitFor();
	await page.screenshot({ path: 'test-results/screens/question-elder.png', fullPage: true });
});

test('practice', async ({ page }) => {
	await signIn(page, DEMO.member, undefined, '/quiz/practice?mode=daily');
	await page.getByTestId('progress').waitFor();
	await page.screenshot({ path: 'test-results/screens/practice.png', fullPage: true });
	const options = page.getByRole('group').last().getByRole('button');
	if ((await options.count()) > 0) await options.first().click();
	else await page.getByLabel('第 1 空').fill('答案');
	await page.getByRole('button', { name: '提交答案' }).click();
	await page.getByTestId('feedback').waitFor();
	await page.evaluate(() => document.documentElement.classList.add('elder'));
	await page.screenshot({ path: 'test-results/screens/practice-elder.png', fullPage: true });
});

test('exam', async ({ page }) => {
	await signIn(page, '13800000018', undefined, '/quiz');
	await page.getByRole('link', { name: /保密知识测试/ }).click();
	await page.getByRole('button', { name: '开始考试' }).click();
	await page.getByTestId('exam-clock').waitFor();
	await page.screenshot({ path: 'test-results/screens/exam.png', fullPage: true });
	await page.evaluate(() => document.documentElement.classList.add('elder'));
	await page.screenshot({ path: 'test-results/screens/exam-elder.png', fullPage: false });
	page.once('dialog', (d) => d.accept());
	await page.getByRole('button', { name: '交卷' }).click();
	await page.getByTestId('exam-result').waitFor();
	await page.screenshot({ path: 'test-results/screens/exam-result-elder.png', fullPage: false });
});

test('exam-results', async ({ page }) => {
	await signIn(page, DEMO.secretary, undefined, '/manage/exams');
	await page.getByRole('link', { name: /保密知识测试/ }).click();
	await page.getByTestId('exam-summary').waitFor();
	await page.screenshot({ path: 'test-results/screens/exam-results.png', fullPage: false });
});

test('lesson', async ({ page }) => {
	await signIn(page, DEMO.member, undefined, '/study');
	await page.getByRole('link', { name: /支部工作条例/ }).first().click();
	await page.getByRole('link', { name: /三会一课/ }).click();
	await page.getByTestId('lesson-body').waitFor();
	await page.evaluate(() => document.documentElement.classList.add('elder'));
	await page.screenshot({ path: 'test-results/screens/lesson-elder.png', fullPage: false });
});

test('plans', async ({ page }) => {
	// 13800000004 has read November's first module and handed in a reflection (demo data).
	await signIn(page, '13800000004', undefined, '/study');
	await page.getByTestId('plan-card').first().waitFor();
	await page.screenshot({ path: 'test-results/screens/study-plans.png', fullPage: true });
	await page.evaluate(() => document.documentElement.classList.add('elder'));
	await page.screenshot({ path: 'test-results/screens/study-plans-elder.png', fullPage: true });
	await page.getByTestId('plan-card').filter({ hasText: '十一月' }).getByRole('link', { name: /支部工作条例/ }).click();
	await page.getByTestId('reflection').waitFor();
	await page.screenshot({ path: 'test-results/screens/module-reflection-elder.png', fullPage: true });
	await page.getByRole('link', { name: /党支部的地位和作用/ }).click();
	await page.getByTestId('reading-progress').waitFor();
	await page.screenshot({ path: 'test-results/screens/lesson-reading-elder.png', fullPage: false });
});

test('plan report and review queue', async ({ page }) => {
	await signIn(page, DEMO.secretary, undefined, '/manage/plans');
	await page.getByRole('link', { name: /十月保密知识学习/ }).click();
	await page.getByTestId('plan-table').waitFor();
	await page.screenshot({ path: 'test-results/screens/plan-report.png', fullPage: true });
	await page.goto('/manage/reflections');
	await page.getByTestId('review-item').first().waitFor();
	await page.screenshot({ path: 'test-results/screens/review-queue.png', fullPage: true });
	await page.evaluate(() => document.documentElement.classList.add('elder'));
	await page.screenshot({ path: 'test-results/screens/review-queue-elder.png', fullPage: false });
});

test('audio lesson and lesson editor', async ({ page, browser }) => {
	await signIn(page, DEMO.member, undefined, '/study');
	await page.getByRole('region', { name: '政治学习' }).getByRole('link', { name: /基层党建工作的问题与对策/ }).click();
	await page.getByRole('link', { name: /党课录音/ }).click();
	await page.getByTestId('lesson-media').waitFor();
	await page.evaluate(() => document.documentElement.classList.add('elder'));
	await page.screenshot({ path: 'test-results/screens/lesson-audio-elder.png', fullPage: true });
	const admin = await (await browser.newContext()).newPage();
	await signIn(admin, DEMO.admin, undefined, '/manage/modules');
	await admin.getByRole('link', { name: /基层党建工作的问题与对策/ }).click();
	await admin.getByRole('link', { name: '编辑' }).last().click();
	await admin.getByTestId('lesson-media-current').waitFor();
	await admin.screenshot({ path: 'test-results/screens/lesson-editor.png', fullPage: true });
});
