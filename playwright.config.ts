import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './scripts/chromium-path.js';

const port = Number(process.env.E2E_PORT ?? 4173);
const executablePath = findChromium() ?? '/usr/bin/chromium';

export default defineConfig({
	testDir: 'tests/e2e',
	// The screenshot tour is a tool for looking at pages (npm run screenshots), not a test.
	testIgnore: process.env.SCREENSHOTS ? [] : ['**/screens.spec.ts'],
	outputDir: 'test-results/playwright',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	timeout: 45_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		...devices['Pixel 7'],
		baseURL: `http://127.0.0.1:${port}`,
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai',
		serviceWorkers: 'allow',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath,
			args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		}
	},
	webServer: {
		command: 'node scripts/e2e-server.js',
		url: `http://127.0.0.1:${port}/healthz`,
		env: { PORT: String(port), HOST: '127.0.0.1' },
		reuseExistingServer: false,
		timeout: 60_000
	}
});
