import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, signIn } from './helpers';

// The contest contract's promise: a contest survives a server restart. This journey runs its own
// server (the production build on its own demo database), kills it mid-question and starts it again.

async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const srv = createServer().listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
	});
}

async function startServer(dbPath: string, port: number): Promise<ChildProcess> {
	const child = spawn(process.execPath, ['scripts/start.js'], { env: { ...process.env, DATABASE_PATH: dbPath, PORT: String(port), HOST: '127.0.0.1', XIANFENG_SEED: 'demo' }, stdio: 'ignore' });
	for (let i = 0; i < 300; i++) {
		if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)) return child;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('the server did not start');
}

const option = (page: Page, key: string) => page.locator('.pad .choice').nth(key.charCodeAt(0) - 65);

test('the server is killed mid-question and restarted: the contest goes on, answers and all', async ({ browser }) => {
	test.setTimeout(90_000);
	const dbPath = join(mkdtempSync(join(tmpdir(), 'xianfeng-restart-')), 'restart.db');
	const port = await freePort();
	const baseURL = `http://127.0.0.1:${port}`;
	let server = await startServer(dbPath, port);
	try {
		const open = async (b: Browser, desktop: boolean) => (await b.newContext({ baseURL, ...(desktop ? { viewport: { width: 1280, height: 720 }, isMobile: false, hasTouch: false } : {}) })).newPage();
		const host = await open(browser, true);
		await signIn(host, DEMO.secretary, undefined, '/manage/contests');
		await host.getByRole('link', { name: /支部党章党规知识竞赛（演示）/ }).click();
		await host.goto((await host.getByRole('link', { name: '打开投屏主持' }).getAttribute('href'))!);
		const contestId = host.url().split('/').at(-1)!;
		const db = new Database(dbPath, { readonly: true });
		const plan = JSON.parse((db.prepare('SELECT plan FROM contests WHERE id = ?').get(contestId) as { plan: string }).plan) as { rounds: { questionIds: string[] }[]; versions: Record<string, number> };
		const first = plan.rounds[0].questionIds[0];
		const key = (JSON.parse((db.prepare('SELECT content FROM question_versions WHERE question_id = ? AND version = ?').get(first, plan.versions[first]) as { content: string }).content) as { answer: string[] }).answer;
		db.close();

		const players = [await open(browser, false), await open(browser, false)];
		for (const [i, p] of players.entries()) {
			await signIn(p, `1380000000${4 + i}`, undefined, '/c/135790');
			await expect(p.getByText('已加入，等主持人开始')).toBeVisible();
		}
		await expect(host.getByTestId('player-count')).toHaveText('2 人已加入');
		await host.keyboard.press('Space');
		await expect(option(players[0], 'A')).toBeEnabled({ timeout: 10_000 });
		await option(players[0], key[0]).click();
		await expect(host.getByTestId('answered')).toHaveText('已答 1/2');

		// Mid-question, the server dies without warning.
		server.kill('SIGKILL');
		await new Promise((r) => server.once('exit', r));
		await expect(players[1].getByText('连接中断，正在重新连接…（分数不会丢失）')).toBeVisible();

		server = await startServer(dbPath, port);
		// Everyone is back inside the same open question: the stored answer counts, the other player can still answer.
		await expect(players[1].getByText('连接中断，正在重新连接…（分数不会丢失）')).toBeHidden({ timeout: 15_000 });
		await expect(host.getByTestId('answered')).toHaveText('已答 1/2', { timeout: 15_000 });
		await expect(players[0].getByTestId('submitted')).toBeVisible();
		await expect(option(players[1], 'A')).toBeEnabled();
		await option(players[1], key[0] === 'A' ? 'B' : 'A').click();
		await expect(players[0].getByTestId('my-result')).toContainText('答对了 +10 分');
		await expect(players[1].getByTestId('my-result')).toContainText('答错了');

		// And the host carries on to the next question.
		await expect(host.locator('.controls .primary')).toBeEnabled();
		await host.keyboard.press('Space');
		await expect(players[0].getByText('第 2/3 题')).toBeVisible();
		await expect(players[0].getByTestId('my-score')).toContainText('10 分');

		// A phone loses its network and taps an answer: it shows at once, keeps trying, and gets through when the network is back.
		await expect(option(players[0], 'A')).toBeEnabled({ timeout: 10_000 });
		await players[0].context().setOffline(true);
		await option(players[0], 'A').click();
		await expect(players[0].getByTestId('submitted')).toBeVisible();
		await expect(players[0].getByRole('alert')).toHaveText('网络不通，正在重试…');
		await expect(host.getByTestId('answered')).toHaveText('已答 0/2');
		await players[0].context().setOffline(false);
		await expect(host.getByTestId('answered')).toHaveText('已答 1/2', { timeout: 15_000 });
		await expect(players[0].getByRole('alert')).toHaveCount(0);
	} finally {
		server.kill('SIGTERM');
	}
});
