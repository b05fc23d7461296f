import http from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
		srv.on('error', reject);
	});
}

/** The built server (`npm run build` first) on a fresh demo database in a temp folder. */
export async function startBuiltServer(): Promise<{ baseUrl: string; dbPath: string; stop: () => Promise<void>; child: ChildProcess }> {
	const dir = mkdtempSync(join(tmpdir(), 'xianfeng-bench-'));
	const dbPath = join(dir, 'bench.db');
	const port = await freePort();
	// The flags `npm start` gives the server (a larger young generation: fewer pauses under thousands of
	// streams), then BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
	const nodeArgs = ['--max-semi-space-size=32', ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];
	const child = spawn(process.execPath, [...nodeArgs, 'scripts/start.js'], {
		// All simulated phones share this machine's one IP; the per-IP API limit is raised so it measures the server, not the limiter.
		env: { ...process.env, DATABASE_PATH: dbPath, PORT: String(port), HOST: '127.0.0.1', XIANFENG_SEED: 'demo', XIANFENG_API_BURST: '1000000', XIANFENG_API_PER_SECOND: '1000000' },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const baseUrl = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 200; i++) {
		try {
			if ((await fetch(`${baseUrl}/healthz`)).ok) break;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		baseUrl,
		dbPath,
		child,
		stop: () =>
			new Promise((resolve) => {
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}

/** Sign in through the real form and return the session cookie. */
export async function signInCookie(baseUrl: string, phone: string, password = 'xianfeng123'): Promise<string> {
	const res = await fetch(`${baseUrl}/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl, accept: 'text/html' },
		body: new URLSearchParams({ phone, password }),
		redirect: 'manual'
	});
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('session='));
	if (!cookie) throw new Error(`sign-in failed for ${phone}: HTTP ${res.status}`);
	return cookie.split(';')[0];
}

/** CPU seconds a process has used so far (user + system), from /proc; null where /proc is missing. */
export function cpuSecondsOf(pid: number): number | null {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		const ticks = Number(fields[11]) + Number(fields[12]);
		return ticks / 100;
	} catch {
		return null;
	}
}

export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return 0;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function readBody(res: http.IncomingMessage, resolve: (r: { status: number; text: string }) => void, reject: (e: Error) => void) {
	const chunks: Buffer[] = [];
	res.on('data', (c: Buffer) => chunks.push(c));
	res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
	res.on('error', reject);
}

/**
 * POST a JSON body with node:http over kept-alive connections. Lighter than fetch, so with 50
 * clients in one process the measured latency is the server's, not the client's event loop.
 */
export function postJson(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) =>
			readBody(res, resolve, reject)
		);
		req.on('error', reject);
		req.end(body);
	});
}

const getAgent = new http.Agent({ keepAlive: true, maxSockets: 512 });

/** GET with node:http over kept-alive connections (up to 512 at once), for the same reason as postJson. */
export function getText(url: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
	return new Promise((resolve, reject) => {
		http
			.get(url, { agent: getAgent, headers }, (res) => readBody(res, resolve, reject))
			.on('error', reject);
	});
}
