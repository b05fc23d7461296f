import { expect, test, type Page } from '@playwright/test';
import { audit, DEMO, signIn } from './helpers';

const EXAM = '2026年第四季度保密知识测试';
const KEY_FIELDS = /"(answer|blanks|explanation|reference)"\s*:/;

/** Answer whatever question is on screen, as a member would: a choice, a guess in each blank, or a few sentences. */
async function answerExamQuestion(page: Page) {
	const essay = page.getByLabel('作答', { exact: true });
	const blanks = page.getByLabel(/^第 \d+ 空$/);
	if (await essay.isVisible()) await essay.fill('涉密计算机不上网，涉密文件不用微信传，离开时文件入柜。');
	else if ((await blanks.count()) > 0) for (const b of await blanks.all()) await b.fill('秘密');
	else {
		const choices = page.getByRole('group').last();
		// 多选 toggles: leave an answered question as it is.
		if ((await choices.locator('[aria-pressed="true"]').count()) === 0) await choices.getByRole('button').first().click();
	}
}

/** Everything the exam's IndexedDB entries and the outbox hold, as text. */
async function examStorage(page: Page): Promise<string> {
	return page.evaluate(async () => {
		const dbs = (await indexedDB.databases()).filter((d) => d.name?.startsWith('xianfeng-'));
		const out: unknown[] = [];
		for (const info of dbs) {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const req = indexedDB.open(info.name!);
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
			for (const store of ['kv', 'outbox']) {
				const all = await new Promise<unknown[]>((resolve) => {
					const req = db.transaction(store).objectStore(store).getAll();
					req.onsuccess = () => resolve(req.result);
				});
				out.push(...all.filter((row) => store === 'outbox' || String((row as { key: string }).key).startsWith('exam.')));
			}
			db.close();
		}
		return JSON.stringify(out);
	});
}

test.describe.configure({ mode: 'serial' });

test('a member sits the timed exam, reloads half-way, carries on and hands in; no key reaches the phone before that', async ({ page }) => {
	await signIn(page, '13800000016', undefined, '/quiz');
	const link = page.getByRole('link', { name: EXAM });
	await expect(link).toBeVisible();
	const href = (await link.getAttribute('href'))!;

	const payloads: { url: string; body: string }[] = [];
	let submitted = false;
	page.on('response', async (res) => {
		// The 考学 list just left may still answer its practice-set fetches: practice banks carry keys by design.
		if (submitted || res.url().includes('/api/quiz/')) return;
		const body = await res.text().catch(() => '');
		payloads.push({ url: res.url(), body });
	});
	await page.goto(href);
	await expect(page.getByText('限时 30 分钟')).toBeVisible();
	await audit(page);
	await page.getByRole('button', { name: '开始考试' }).click();
	await expect(page.getByTestId('exam-clock')).toContainText(/剩余 (29|30):/);
	await expect(page.getByTestId('exam-answered')).toHaveText('已答 0 / 21');

	for (let i = 0; i < 3; i++) {
		await answerExamQuestion(page);
		await page.getByRole('button', { name: '下一题' }).click();
	}
	await expect(page.getByTestId('exam-answered')).toHaveText('已答 3 / 21');
	await audit(page);

	await page.reload();
	await expect(page.getByTestId('exam-answered')).toHaveText('已答 3 / 21');
	await expect(page.getByTestId('exam-clock')).toContainText(/剩余 (29|30):/);
	for (let i = 0; i < 21; i++) {
		await page.getByRole('navigation', { name: '题目导航' }).getByRole('button', { name: String(i + 1), exact: true }).click();
		await answerExamQuestion(page);
	}
	await expect(page.getByTestId('exam-answered')).toHaveText('已答 21 / 21');

	const stored = await examStorage(page);
	expect(stored).toContain('exam.view.');
	expect(stored).not.toMatch(KEY_FIELDS);
	const leaks = payloads.filter((p) => KEY_FIELDS.test(p.body)).map((p) => p.url);
	expect(leaks, JSON.stringify(leaks)).toEqual([]);
	expect(payloads.some((p) => p.url.includes('/api/exams/attempts/'))).toBe(true);

	page.once('dialog', (d) => d.accept());
	submitted = true;
	await page.getByRole('button', { name: '交卷' }).click();
	const result = page.getByTestId('exam-result');
	await expect(result).toContainText('简答题待批改');
	await expect(page.getByText('正确答案：').first()).toBeVisible();
	await audit(page);
});

test('the secretary marks the 简答, sees the result final, and exports the results to Excel', async ({ page }) => {
	await signIn(page, DEMO.secretary, undefined, '/manage/exams/marking');
	const item = page.getByRole('form', { name: new RegExp(`高鹏 · ${EXAM}`) });
	await expect(item).toContainText('涉密计算机不上网');
	// Over the maximum: the browser refuses before anything is sent (the server refuses too: unit-tested).
	await item.getByLabel(/^得分（满分/).fill('999');
	await item.getByRole('button', { name: '保存分数' }).click();
	expect(await item.getByLabel(/^得分（满分/).evaluate((e) => (e as HTMLInputElement).validity.valid)).toBe(false);
	await page.getByRole('form', { name: new RegExp(`高鹏 · ${EXAM}`) }).getByLabel(/^得分（满分/).fill('4');
	await page.getByRole('form', { name: new RegExp(`高鹏 · ${EXAM}`) }).getByLabel('批语（可选）').fill('要点基本齐全');
	await page.getByRole('form', { name: new RegExp(`高鹏 · ${EXAM}`) }).getByRole('button', { name: '保存分数' }).click();
	await expect(page.getByRole('status')).toHaveText('已保存');
	await expect(page.getByRole('form', { name: new RegExp(`高鹏 · ${EXAM}`) })).toHaveCount(0);
	await audit(page);

	await page.goto('/manage/exams');
	await page.getByRole('link', { name: new RegExp(EXAM) }).click();
	await expect(page.getByTestId('exam-summary')).toHaveText(/^应考 \d+ 人 · 已考 1 人$/);
	await expect(page.getByRole('row', { name: /高鹏/ })).toContainText('已完成');
	await audit(page);
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: '导出成绩（Excel）' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/成绩\.xlsx$/);
	const bytes = await (await import('node:fs/promises')).readFile((await file.path())!);
	expect(bytes.subarray(0, 2).toString()).toBe('PK');
});

test('a secretary is told which draw rule the bank cannot satisfy, then publishes a draft', async ({ page }) => {
	await signIn(page, DEMO.secretary, undefined, '/manage/exams/new');
	await page.getByLabel('考试名称').fill('党章小测');
	await page.getByLabel('机关第一党支部', { exact: true }).check();
	await page.getByLabel('题库 1').selectOption({ label: '党章党规基础（90）' });
	await page.getByLabel('题型').first().selectOption('判断');
	await page.getByLabel('题数').first().fill('100');
	await page.getByRole('button', { name: '保存为草稿' }).click();
	await expect(page.getByRole('alert')).toHaveText(/^第 1 条规则需要 100 题，题库里只有 \d+ 道符合条件$/);
	await page.getByLabel('题数').first().fill('10');
	await page.getByRole('button', { name: '保存为草稿' }).click();
	await expect(page.getByText('草稿：党员还看不到这场考试')).toBeVisible();
	await page.getByRole('button', { name: '发布考试' }).click();
	await expect(page.getByRole('status')).toContainText('考试已发布');
	await audit(page);
});

test('a secretary ticks questions on a bank page and makes a fixed paper of them', async ({ page }) => {
	await signIn(page, DEMO.secretary, undefined, '/manage/questions');
	await page.getByRole('link', { name: /保密与安全常识/ }).click();
	await expect(page.getByRole('heading', { name: '保密与安全常识' })).toBeVisible();
	const picks = page.getByRole('checkbox', { name: /^选入试卷：/ });
	for (let i = 0; i < 3; i++) await picks.nth(i).check();
	await page.getByRole('button', { name: '用勾选的题目组卷' }).click();
	await expect(page.getByTestId('fixed-paper')).toHaveText('固定试卷：3 道题（在题库页勾选）');
	await expect(page.getByLabel('题库 1')).toHaveCount(0);
	await page.getByLabel('考试名称').fill('三道题小测');
	await page.getByLabel('机关第一党支部', { exact: true }).check();
	await page.getByRole('button', { name: '保存为草稿' }).click();
	await expect(page.getByText('草稿：党员还看不到这场考试')).toBeVisible();
	await audit(page);
});
