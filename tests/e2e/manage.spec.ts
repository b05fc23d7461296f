import { expect, test } from '@playwright/test';
import { audit, DEMO, signIn } from './helpers';

test('a person created by the secretary must set a new password at first sign-in', async ({ page, browser }) => {
	await signIn(page, DEMO.secretary, undefined, '/manage/people/new');
	await audit(page);
	await page.getByLabel('姓名').fill('王新来');
	await page.getByLabel('手机号').fill('13912345001');
	await page.getByLabel('党小组').selectOption({ label: '第二党小组' });
	await page.getByRole('button', { name: '创建账号' }).click();
	await expect(page.getByTestId('created')).toContainText('王新来');
	const initial = (await page.getByTestId('initial-password').textContent())!.trim();
	expect(initial).toMatch(/^[a-z0-9]{10}$/);
	await audit(page);

	const newcomer = await (await browser.newContext()).newPage();
	await signIn(newcomer, '13912345001', initial);
	await expect(newcomer).toHaveURL(/\/password/);
	await expect(newcomer.getByText('首次登录')).toBeVisible();
	await audit(newcomer);
	// Other pages stay closed until the password is changed.
	await newcomer.goto('/study');
	await expect(newcomer).toHaveURL(/\/password/);

	await newcomer.getByLabel('新密码', { exact: true }).fill('short');
	await newcomer.getByLabel('再次输入新密码').fill('short');
	await newcomer.getByRole('button', { name: '保存新密码' }).click();
	await expect(newcomer.getByRole('alert')).toHaveText('密码至少 8 位');

	await newcomer.getByLabel('新密码', { exact: true }).fill('hongqi2026');
	await newcomer.getByLabel('再次输入新密码').fill('hongqi2026');
	await newcomer.getByRole('button', { name: '保存新密码' }).click();
	await expect(newcomer).toHaveURL(/\/study/);
	await expect(newcomer.getByRole('heading', { name: '王新来，您好' })).toBeVisible();

	const again = await (await browser.newContext()).newPage();
	await signIn(again, '13912345001', 'hongqi2026');
	await expect(again).toHaveURL(/\/study/);
});

test('bad input on the person form is explained and nothing is created', async ({ page }) => {
	await signIn(page, DEMO.secretary, undefined, '/manage/people/new');
	await page.getByLabel('姓名').fill('重复号码');
	await page.getByLabel('手机号').fill('13800000002');
	await page.getByRole('button', { name: '创建账号' }).click();
	await expect(page.getByText('这个手机号已经有账号了')).toBeVisible();
	await page.getByLabel('手机号').fill('12345');
	await page.getByRole('button', { name: '创建账号' }).click();
	await expect(page.getByText('手机号应为 11 位中国大陆手机号码')).toBeVisible();
	await audit(page);
	await page.goto('/manage?q=重复号码');
	await expect(page.getByText('没有找到人员')).toBeVisible();
});

test('the admin sees the organisation tree and adds a group', async ({ page }) => {
	await signIn(page, DEMO.admin, undefined, '/manage/org');
	await expect(page.getByText('示范党委').first()).toBeVisible();
	await expect(page.getByText('离退休党支部').first()).toBeVisible();
	await audit(page);
	// The form starts with a parent chosen, so the kinds that fit it are offered at once.
	await expect(page.getByLabel('上级组织').locator('option:checked')).toHaveText('党委 · 示范党委');
	await expect(page.getByLabel('类型').locator('option')).toHaveText(['党总支', '党支部']);
	await page.getByLabel('上级组织').selectOption({ label: '党支部 · 离退休党支部' });
	await page.getByLabel('类型').selectOption({ label: '党小组' });
	await page.getByLabel('名称').fill('城北党小组');
	await page.getByRole('button', { name: '添加下级组织' }).click();
	await expect(page.getByRole('status')).toContainText('城北党小组');
	await expect(page.locator('li', { hasText: '城北党小组' }).first()).toBeVisible();
});

test('a secretary has no organisation tree page', async ({ page }) => {
	await signIn(page, DEMO.secretary, undefined, '/manage');
	await expect(page.getByRole('link', { name: '组织架构' })).toHaveCount(0);
	const response = await page.goto('/manage/org');
	expect(response?.status()).toBe(403);
});

test('the admin appoints a secretary, who can then open the management pages', async ({ page, browser }) => {
	await signIn(page, DEMO.admin, undefined, '/manage?q=谢振华');
	await page.getByRole('link', { name: /谢振华/ }).click();
	await page.getByLabel('担任本支部书记（离退休党支部）').check();
	await page.getByRole('button', { name: '保存职务' }).click();
	await expect(page.getByRole('status')).toHaveText('职务已保存');
	await expect(page.getByLabel('担任本支部书记（离退休党支部）')).toBeChecked();
	await audit(page);

	const appointee = await (await browser.newContext()).newPage();
	await signIn(appointee, '13800000022', undefined, '/manage');
	await expect(appointee.getByRole('link', { name: /郑桂英/ })).toBeVisible();
	await expect(appointee.getByRole('link', { name: /张伟/ })).toHaveCount(0);
});

test('an admin creates a bank, imports a file with one broken item, sees its line, and imports the valid ones', async ({ page }) => {
	await signIn(page, DEMO.admin, undefined, '/manage/questions');
	await expect(page.getByRole('link', { name: /党章党规基础/ })).toContainText('90 题');
	await page.getByRole('link', { name: '新建题库' }).click();
	await page.getByLabel('题库名称').fill('主题党日测验');
	// An exam bank: its test questions (without 解析) must not turn up in other journeys' daily practice.
	await page.getByLabel('考试题库').check();
	await page.getByRole('button', { name: '创建题库' }).click();
	await expect(page.getByRole('heading', { name: '主题党日测验' })).toBeVisible();
	await page.getByRole('link', { name: '导入题目' }).click();

	await page.getByLabel('选择文件').setInputFiles({
		name: '题目.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from('1. 党的根本宗旨是（ ）。[A]\nA. 全心全意为人民服务\nB. 实现共产主义\n\n2. 预备党员的预备期为一年。[对]\n\n3. 缺答案的题（ ）。\nA. 甲\nB. 乙\n\n4. 预备党员的预备期为一年！[对]\n')
	});
	await page.getByRole('button', { name: '检查并预览' }).click();
	const preview = page.getByTestId('preview');
	await expect(preview.getByRole('heading', { name: '可导入 3 题' })).toBeVisible();
	await expect(preview.getByText('单选 1')).toBeVisible();
	await expect(preview.getByText('判断 2')).toBeVisible();
	await expect(page.getByTestId('import-errors').getByRole('listitem')).toHaveText(['第 7 行：第 3 题：没有答案']);
	await expect(page.getByTestId('import-duplicates').getByRole('listitem')).toHaveText(['第 11 行：与本文件第 5 行的题目重复']);
	await expect(page.getByRole('button', { name: '全部导入' })).toHaveCount(0);
	await audit(page);

	await page.getByRole('button', { name: '只导入无误的 3 题' }).click();
	await expect(page.getByTestId('import-done')).toHaveText('已导入 2 题，跳过 1 道重复题');
	await page.getByRole('link', { name: '返回题库' }).click();
	await expect(page.getByText('共 2 题').first()).toBeVisible();
	await expect(page.getByText('党的根本宗旨是（ ）。')).toBeVisible();
	await audit(page);
});

test('a secretary sees the organisation’s banks read-only and edits a question of their own bank as a new version', async ({ page }) => {
	await signIn(page, DEMO.secretary, undefined, '/manage/questions');
	await page.getByRole('link', { name: /保密与安全常识/ }).click();
	await expect(page.getByRole('heading', { name: '保密与安全常识' })).toBeVisible();
	await expect(page.getByText('只读：由上级组织管理')).toBeVisible();
	await expect(page.getByRole('link', { name: '导入题目' })).toHaveCount(0);

	await page.goto('/manage/questions/new');
	await page.getByLabel('题库名称').fill('支部练习');
	await page.getByRole('button', { name: '创建题库' }).click();
	await page.getByRole('link', { name: '新建题目' }).click();
	await page.getByLabel('题目（纯文本格式）').fill('党小组会一般每月召开1次。[对][标签：三会一课]\n解析：每月一次。');
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('status')).toContainText('已保存');
	await page.getByLabel('题目（纯文本格式）').fill('党小组会一般每月召开1次。[对][标签：三会一课]\n解析：支部工作条例的规定。');
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByText('第 2 版')).toBeVisible();
	await audit(page);
});

test('members cannot preview question imports', async ({ page, playwright, baseURL }) => {
	await signIn(page, DEMO.member);
	expect((await page.goto('/manage/questions'))?.status()).toBe(403);
	const api = await playwright.request.newContext({ baseURL, storageState: await page.context().storageState() });
	const res = await api.post('/api/questions/preview?format=text', { data: Buffer.from('1. 对。[对]'), headers: { origin: baseURL! } });
	expect(res.status()).toBe(403);
});
