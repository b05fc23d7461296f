/**
 * npm run bench:sync — 10,000 ops in batches of 50 from 50 concurrent clients against the built server,
 * 10 % of batches replayed; then the same rows inserted straight into SQLite as the ceiling. One JSON line.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeDatabase, openDatabase } from '../src/lib/server/db/client';
import { seedDemo } from '../src/lib/server/db/seed/demo';
import { peopleRepo } from '../src/lib/server/people/repo';
import { uuidv7 } from '../src/lib/shared/id';
import type { OpResult } from '../src/lib/shared/sync-schemas';
import { cpuSecondsOf, percentile, postJson, round, signInCookie, startBuiltServer } from './lib';

const TOTAL_OPS = 10_000;
const BATCH = 50;
const CLIENTS = 50;
const REPLAY_SHARE = 0.1;
const WARMUP_MS = Number(process.env.WARMUP_MS ?? 5000);

type Op = { id: string; kind: string; at: number; payload: { elderMode: boolean } };
const makeOps = (n: number, t0: number): Op[] =>
	Array.from({ length: n }, (_, i) => ({ id: uuidv7(t0 + i), kind: 'settings.update', at: t0 + i, payload: { elderMode: i % 2 === 0 } }));

async function overHttp() {
	const server = await startBuiltServer();
	try {
		const phones = Array.from({ length: 32 }, (_, i) => `138${String(i).padStart(8, '0')}`);
		const cookies: string[] = [];
		for (let c = 0; c < CLIENTS; c++) cookies.push(await signInCookie(server.baseUrl, phones[c % phones.length]));

		const perClient = TOTAL_OPS / CLIENTS;
		const t0 = Date.now() - 60_000;
		const plans = cookies.map((cookie, c) => {
			const ops = makeOps(perClient, t0 + c * perClient);
			const batches: { ops: Op[]; replay: boolean }[] = [];
			for (let i = 0; i < ops.length; i += BATCH) batches.push({ ops: ops.slice(i, i + BATCH), replay: false });
			return { cookie, batches };
		});
		// 10 % of all batches are sent a second time (a phone that lost the answer), right after the first.
		const all = plans.flatMap((p) => p.batches.map((b, i) => ({ p, i })));
		const replayCount = Math.round(all.length * REPLAY_SHARE);
		for (let k = 0; k < replayCount; k++) {
			const { p, i } = all[Math.floor((k * all.length) / replayCount)];
			p.batches.splice(i + 1, 0, { ops: p.batches[i].ops, replay: true });
		}

		// Warm-up, not measured: the same traffic (other op ids) for WARMUP_MS, so V8 has compiled the hot
		// paths before the clock starts. A server in use has been running for days; its first second is not
		// what a branch meets. Measured without it, p99 is dominated by not-yet-optimised code.
		const warmT0 = t0 - 10_000_000_000;
		let warmSeq = 0;
		let warmRequests = 0;
		const warmUntil = performance.now() + WARMUP_MS;
		await Promise.all(
			cookies.map(async (cookie) => {
				while (performance.now() < warmUntil) {
					const ops = makeOps(BATCH, warmT0 + warmSeq);
					warmSeq += BATCH;
					await postJson(`${server.baseUrl}/api/sync`, { cookie, origin: server.baseUrl }, JSON.stringify({ ops }));
					warmRequests++;
				}
			})
		);

		const latencies: number[] = [];
		let duplicatesApplied = 0;
		let notApplied = 0;
		const serverCpu0 = cpuSecondsOf(server.child.pid!);
		const clientCpu0 = process.cpuUsage();
		const started = performance.now();
		await Promise.all(
			plans.map(async ({ cookie, batches }) => {
				for (const batch of batches) {
					const payload = JSON.stringify({ ops: batch.ops });
					const t = performance.now();
					const res = await postJson(`${server.baseUrl}/api/sync`, { cookie, origin: server.baseUrl }, payload);
					latencies.push(performance.now() - t);
					if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.text}`);
					const body = JSON.parse(res.text) as { results: OpResult[] };
					for (const r of body.results) {
						if (batch.replay && r.status === 'applied') duplicatesApplied++;
						if (!batch.replay && r.status !== 'applied') notApplied++;
					}
				}
			})
		);
		const seconds = (performance.now() - started) / 1000;
		const serverCpu1 = cpuSecondsOf(server.child.pid!);
		const clientCpu = process.cpuUsage(clientCpu0);
		const sqlite = new Database(server.dbPath, { readonly: true });
		const stored = (sqlite.prepare("select count(*) as n from sync_ops where status = 'applied' and device_at >= ?").get(t0) as { n: number }).n;
		sqlite.close();
		latencies.sort((a, b) => a - b);
		return {
			ops_per_s: round(TOTAL_OPS / seconds, 0),
			p50_ms: round(percentile(latencies, 50)),
			p99_ms: round(percentile(latencies, 99)),
			duplicates_applied: duplicatesApplied,
			lost: TOTAL_OPS - stored + notApplied,
			requests: latencies.length,
			replayed_batches: replayCount,
			seconds: round(seconds, 2),
			warmup_requests: warmRequests,
			// Share of one core each side used while measuring: which of the two was the bottleneck.
			server_cpu_pct: serverCpu0 === null || serverCpu1 === null ? null : round((100 * (serverCpu1 - serverCpu0)) / seconds, 0),
			client_cpu_pct: round((100 * (clientCpu.user + clientCpu.system)) / 1e6 / seconds, 0)
		};
	} finally {
		await server.stop();
	}
}

/** The same rows (applied-op record + settings upsert) in the same batches, straight into SQLite: no HTTP, JSON, validation or ORM. */
async function ceiling() {
	const dir = mkdtempSync(join(tmpdir(), 'xianfeng-ceiling-'));
	const db = openDatabase(join(dir, 'ceiling.db'));
	try {
		await seedDemo(db);
		const users = (await peopleRepo(db).usersUnder('/', '')).map((u) => u.id);
		const sqlite = db.$client;
		const record = sqlite.prepare('INSERT INTO sync_ops (user_id, op_id, kind, status, error, device_at, received_at) VALUES (?, ?, ?, ?, NULL, ?, ?)');
		const upsert = sqlite.prepare(
			`INSERT INTO user_settings (user_id, elder_mode, elder_mode_at, locale, locale_at, updated_at) VALUES (?, ?, ?, 'zh-CN', 0, ?)
			 ON CONFLICT (user_id) DO UPDATE SET elder_mode = excluded.elder_mode, elder_mode_at = excluded.elder_mode_at, updated_at = excluded.updated_at`
		);
		const ops = makeOps(TOTAL_OPS, Date.now() - 60_000);
		const now = Date.now();
		const started = performance.now();
		for (let i = 0; i < ops.length; i += BATCH) {
			const userId = users[(i / BATCH) % users.length];
			sqlite.transaction(() => {
				for (const op of ops.slice(i, i + BATCH)) {
					upsert.run(userId, op.payload.elderMode ? 1 : 0, op.at, now);
					record.run(userId, op.id, op.kind, 'applied', op.at, now);
				}
			})();
		}
		return TOTAL_OPS / ((performance.now() - started) / 1000);
	} finally {
		closeDatabase(db);
		rmSync(dir, { recursive: true, force: true });
	}
}

const http = await overHttp();
const ceil = await ceiling();
console.log(
	JSON.stringify({
		bench: 'sync',
		ops_per_s: http.ops_per_s,
		p50_ms: http.p50_ms,
		p99_ms: http.p99_ms,
		duplicates_applied: http.duplicates_applied,
		lost: http.lost,
		ceiling_ops_per_s: round(ceil, 0),
		ratio: round(http.ops_per_s / ceil, 3),
		ops: TOTAL_OPS,
		clients: CLIENTS,
		batch: BATCH,
		requests: http.requests,
		replayed_batches: http.replayed_batches,
		seconds: http.seconds,
		warmup_ms: WARMUP_MS,
		warmup_requests: http.warmup_requests,
		server_cpu_pct: http.server_cpu_pct,
		client_cpu_pct: http.client_cpu_pct
	})
);
