// Before the Playwright journeys: find Chromium, or install Debian's package when we are root with apt-get.
// Never downloads a browser build.
import { execFileSync } from 'node:child_process';
import { findChromium } from './chromium-path.js';

let path = findChromium();
if (!path) {
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	let apt = false;
	try {
		execFileSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' });
		apt = true;
	} catch {
		/* no apt-get */
	}
	if (root && apt) {
		console.log('[ensure-chromium] 未找到 Chromium，正在安装 Debian 的 chromium 软件包…');
		execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
		path = findChromium();
	}
}
if (!path) {
	console.error('未找到 Chromium：请安装 Debian/Ubuntu 的 chromium 软件包（sudo apt-get install chromium），或设置 CHROMIUM_PATH。');
	process.exit(1);
}
console.log(`[ensure-chromium] ${path}`);
