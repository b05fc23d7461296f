import { expect, test } from '@playwright/test';
import { audit, DEMO, signIn, waitForServiceWorker } from './helpers';

/** A second of silence as a real WAV file. */
function wav(): Buffer {
	const rate = 8000;
	const data = rate * 2;
	const b = Buffer.alloc(44 + data);
	b.write('RIFF', 0);
	b.writeUInt32LE(36 + data, 4);
	b.write('WAVEfmt ', 8);
	b.writeUInt32LE(16, 16);
	b.writeUInt16LE(1, 20);
	b.writeUInt16LE(1, 22);
	b.writeUInt32LE(rate, 24);
	b.writeUInt32LE(rate * 2, 28);
	b.writeUInt16LE(2, 32);
	b.writeUInt16LE(16, 34);
	b.write('data', 36);
	b.writeUInt32LE(data, 40);
	return b;
}
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

test('a secretary adds a recording and a PDF to a lesson; a disguised web page is refused; members can seek the recording', async ({ page, browser }) => {
	await signIn(page, DEMO.secretary, undefined, '/manage/modules/new');
	await page.getByLabel('模块名称').fill('党课音频专辑');
	await page.getByRole('button', { name: '创建模块' }).click();
	await expect(page.getByRole('heading', { name: '党课音频专辑' })).toBeVisible();
	await page.getByLabel('课程标题').fill('第一讲');
	await page.getByLabel('内容（Markdown）').fill('请收听本讲录音，并阅读附件。');
	await page.getByLabel(/插入图片/).setInputFiles({ name: '会场.png', mimeType: 'image/png', buffer: png });
	await expect(page.getByLabel('内容（Markdown）')).toHaveValue(/!\[会场\]\(\/files\/[0-9a-f]{64}\)/);

	await page.getByLabel(/上传音频或视频/).setInputFiles({ name: '讲话.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from('<!DOCTYPE html><script>alert(1)</script>') });
	await expect(page.getByRole('alert')).toContainText('不支持这种文件');
	await page.getByLabel(/上传音频或视频/).setInputFiles({ name: '第一讲.wav', mimeType: 'audio/wav', buffer: wav() });
	await expect(page.getByTestId('lesson-media-current')).toContainText('第一讲.wav');
	await page.getByLabel('上传 PDF').setInputFiles({ name: '学习材料.pdf', mimeType: 'application/pdf', buffer: pdf });
	await expect(page.getByText('学习材料.pdf')).toBeVisible();
	await audit(page);
	await page.getByRole('button', { name: '添加一课' }).click();
	// The lesson is saved (the page lists it with its edit link) before the module is published.
	await expect(page.getByRole('link', { name: '编辑' })).toBeVisible();
	await page.getByRole('button', { name: '发布模块' }).click();
	await expect(page.getByRole('status')).toContainText('已发布');

	const member = await (await browser.newContext()).newPage();
	await signIn(member, '13800000016', undefined, '/study?q=党课音频专辑');
	await member.getByRole('link', { name: /党课音频专辑/ }).click();
	await member.getByRole('link', { name: /第一讲/ }).click();
	const src = await member.getByTestId('lesson-media').locator('audio').getAttribute('src');
	expect(src).toMatch(/^\/files\/[0-9a-f]{64}$/);
	const part = await member.request.get(src!, { headers: { range: 'bytes=0-43' } });
	expect(part.status()).toBe(206);
	expect((await part.body()).subarray(0, 4).toString()).toBe('RIFF');
	await expect(member.getByRole('link', { name: /学习材料\.pdf/ })).toBeVisible();
	const picture = member.getByTestId('lesson-body').getByRole('img', { name: '会场' });
	await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
	await audit(member);
});

test('the demo audio lesson plays from a download when offline, seeking included', async ({ page, context }) => {
	await signIn(page, '13800000020', undefined, '/study');
	await waitForServiceWorker(page);
	await page.getByRole('region', { name: '政治学习' }).getByRole('link', { name: /基层党建工作的问题与对策/ }).click();
	await page.getByRole('button', { name: /下载离线学习（约 \d+ KB）/ }).click();
	await expect(page.getByTestId('downloaded')).toContainText('已下载到本机');
	await context.setOffline(true);
	await page.getByRole('link', { name: /党课录音/ }).click();
	const audio = page.getByTestId('lesson-media').locator('audio');
	const src = (await audio.getAttribute('src'))!;
	const fromCache = await page.evaluate(async (url) => {
		const res = await fetch(url, { headers: { range: 'bytes=100-199' } });
		return { status: res.status, length: (await res.arrayBuffer()).byteLength, range: res.headers.get('content-range') };
	}, src);
	expect(fromCache).toMatchObject({ status: 206, length: 100 });
	expect(fromCache.range).toMatch(/^bytes 100-199\/\d+$/);
	// The player itself loads the recording from the phone (its duration is known without the network).
	await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.duration)).toBeGreaterThan(5);
	await audit(page);
});
