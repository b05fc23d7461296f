import { expect, test } from '@playwright/test';

test('GET /healthz answers ok with the version and the database state', async ({ request }) => {
	const res = await request.get('/healthz');
	expect(res.status()).toBe(200);
	expect(await res.json()).toEqual({ ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/), db: 'ok' });
});

test('the sync API refuses anonymous and cross-site callers and explains malformed JSON', async ({ playwright, baseURL }) => {
	const anon = await playwright.request.newContext({ baseURL });
	const res = await anon.post('/api/sync', { data: { ops: [] }, headers: { origin: baseURL! } });
	expect(res.status()).toBe(401);

	const member = await playwright.request.newContext({ baseURL });
	const login = await member.post('/login', { form: { phone: '13800000014', password: 'xianfeng123' }, headers: { origin: baseURL!, accept: 'text/html' }, maxRedirects: 0 });
	expect(login.status()).toBe(303);
	const cross = await member.post('/api/sync', { data: { ops: [] }, headers: { origin: 'https://evil.example' } });
	expect(cross.status()).toBe(403);
	const bad = await member.post('/api/sync', { data: Buffer.from('{"ops": ['), headers: { origin: baseURL!, 'content-type': 'application/json' } });
	expect(bad.status()).toBe(400);
	expect((await bad.json()).message).toMatch(/^请求内容不是合法的 JSON/);
});

test('the web app manifest makes the app installable', async ({ request }) => {
	const manifest = await (await request.get('/manifest.webmanifest')).json();
	expect(manifest.name).toBe('先锋学习');
	expect(manifest.display).toBe('standalone');
	const sizes = manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes}:${i.purpose}`);
	expect(sizes).toEqual(expect.arrayContaining(['192x192:any', '512x512:any', '512x512:maskable']));
	for (const icon of manifest.icons) expect((await request.get(icon.src)).headers()['content-type']).toBe('image/png');
});

test('Chromium finds nothing that stops installing the app', async ({ page }) => {
	await page.goto('/login');
	await page.evaluate(() => navigator.serviceWorker.ready);
	const cdp = await page.context().newCDPSession(page);
	const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
	// Playwright's browser contexts are incognito, where Chromium never offers installation; nothing else may be in the way.
	expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
	const manifest = await cdp.send('Page.getAppManifest');
	expect(manifest.errors).toEqual([]);
});

test('POST /api/questions/preview answers questions and line-numbered errors and writes nothing', async ({ playwright, baseURL }) => {
	const secretary = await playwright.request.newContext({ baseURL });
	await secretary.post('/login', { form: { phone: '13800000001', password: 'xianfeng123' }, headers: { origin: baseURL!, accept: 'text/html' }, maxRedirects: 0 });
	const res = await secretary.post('/api/questions/preview?format=text', {
		data: Buffer.from('1. 判断题。[错]\n2. 无答案（ ）。\nA. 甲\nB. 乙\n'),
		headers: { origin: baseURL!, 'content-type': 'text/plain; charset=utf-8' }
	});
	expect(res.status()).toBe(200);
	const body = await res.json();
	expect(body.questions).toHaveLength(1);
	expect(body.questions[0]).toMatchObject({ type: 'judge', answer: ['false'], line: 1 });
	expect(body.errors).toEqual([{ line: 2, message: '第 2 题：没有答案' }]);
	const gift = await secretary.post('/api/questions/preview?format=gift', { data: Buffer.from('预备期为一年。{T}\n\n党的基础组织是 {=党支部 =支部} 。\n'), headers: { origin: baseURL! } });
	expect((await gift.json()).questions.map((q: { type: string }) => q.type)).toEqual(['judge', 'fill']);
	const broken = await secretary.post('/api/questions/preview?format=xlsx', { data: Buffer.from('x'), headers: { origin: baseURL! } });
	expect(broken.status()).toBe(400);
	expect((await broken.json()).message).toContain('.xlsx');
	const docx = await secretary.post('/api/questions/preview?format=docx', { data: Buffer.from('x'), headers: { origin: baseURL! } });
	expect(docx.status()).toBe(415);
});
