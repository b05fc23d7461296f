// Where Chromium is: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then chromium-browser on PATH.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function findChromium() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'];
	for (const c of candidates) if (c && existsSync(c)) return c;
	try {
		const p = execFileSync('sh', ['-c', 'command -v chromium-browser || command -v chromium'], { encoding: 'utf8' }).trim();
		if (p) return p;
	} catch {
		/* not on PATH */
	}
	return null;
}
