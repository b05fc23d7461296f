// Reads the production build and fails when a route's first-visit JavaScript (gzip) exceeds its budget,
// or when the service worker's precache is larger than 1.5 MiB. Run after `npm run build`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { shouldPrecache } from '../src/lib/shared/precache-filter.js';

const KiB = 1024;
const DEFAULT_BUDGET = 150 * KiB;
/** Lower budgets for particular routes (route id → bytes), as later issues ask. */
const ROUTE_BUDGETS = { '/(play)/c/[code]': 60 * KiB };
const PRECACHE_BUDGET = 1.5 * 1024 * KiB;

const serverOut = '.svelte-kit/output/server';
const client = 'build/client';
if (!existsSync(join(serverOut, 'manifest-full.js')) || !existsSync(client)) {
	console.error('没有找到构建产物：请先运行 npm run build');
	process.exit(2);
}

const gzipCache = new Map();
const gzipSize = (file) => {
	if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(readFileSync(join(client, file)), { level: 9 }).length);
	return gzipCache.get(file);
};

const { manifest } = await import(pathToFileURL(join(serverOut, 'manifest-full.js')).href);
const nodes = await Promise.all(manifest._.nodes.map((load) => load()));
const rows = [];
for (const route of manifest._.routes) {
	if (!route.page) continue;
	const files = new Set(manifest._.client.imports);
	for (const index of [...route.page.layouts, route.page.leaf]) {
		if (index === undefined) continue;
		for (const file of nodes[index].imports ?? []) files.add(file);
	}
	const bytes = [...files].filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gzipSize(f), 0);
	const budget = ROUTE_BUDGETS[route.id] ?? DEFAULT_BUDGET;
	rows.push({ route: route.id, kib: +(bytes / KiB).toFixed(1), budget_kib: +(budget / KiB).toFixed(0), ok: bytes <= budget });
}

function walk(dir) {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		return statSync(full).isDirectory() ? walk(full) : [full];
	});
}
// What src/service-worker.ts precaches: Vite's build files, the static files and the prerendered pages.
const precached = [
	...walk(client)
		.filter((f) => !/\.(gz|br)$/.test(f) && !f.endsWith('service-worker.js'))
		.map((f) => ({ url: '/' + relative(client, f), full: f })),
	...walk('build/prerendered')
		.filter((f) => f.endsWith('.html'))
		.map((f) => ({ url: '/' + relative('build/prerendered', f).replace(/\.html$/, ''), full: f }))
].filter((f) => shouldPrecache(f.url));
const precacheBytes = precached.reduce((sum, f) => sum + statSync(f.full).size, 0);

console.table(rows);
console.log(`service worker precache: ${precached.length} files, ${(precacheBytes / KiB).toFixed(1)} KiB (budget ${(PRECACHE_BUDGET / KiB).toFixed(0)} KiB)`);

const over = rows.filter((r) => !r.ok);
let failed = false;
for (const r of over) {
	console.error(`超出预算：${r.route} 首次访问加载 ${r.kib} KiB JavaScript（gzip），预算 ${r.budget_kib} KiB`);
	failed = true;
}
if (precacheBytes > PRECACHE_BUDGET) {
	console.error(`超出预算：service worker 预缓存 ${(precacheBytes / KiB).toFixed(1)} KiB，预算 ${(PRECACHE_BUDGET / KiB).toFixed(0)} KiB`);
	failed = true;
}
process.exit(failed ? 1 : 0);
