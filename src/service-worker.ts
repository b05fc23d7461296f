/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, prerendered, version } from '$service-worker';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { createPartialResponse } from 'workbox-range-requests';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { NetworkFirst, NetworkOnly, StaleWhileRevalidate } from 'workbox-strategies';
import { shouldPrecache } from '$lib/shared/precache-filter.js';

const sw = self as unknown as ServiceWorkerGlobalScope;

// The app shell: every build file (hashed, so no revision) and the static files and prerendered /offline (revision = app version).
precacheAndRoute([
	...build.filter(shouldPrecache).map((url) => ({ url, revision: null })),
	...[...files, ...prerendered].filter(shouldPrecache).map((url) => ({ url, revision: version }))
]);
cleanupOutdatedCaches();

// Sync, live streams and health checks always go to the network; writes (POST) are never routed here at all.
registerRoute(({ url }) => url.pathname.startsWith('/api/') || url.pathname === '/healthz', new NetworkOnly());

// The practice and exam pages read their questions on the phone, so one kept copy serves every `?bank=`, `?mode=` and `?id=`.
const ONE_PAGE_ANY_QUERY = new Set(['/quiz/practice', '/quiz/exam']);
registerRoute(
	({ request, url }) => request.mode === 'navigate' && ONE_PAGE_ANY_QUERY.has(url.pathname),
	new NetworkFirst({
		cacheName: 'xianfeng-pages',
		networkTimeoutSeconds: 5,
		matchOptions: { ignoreSearch: true },
		plugins: [new CacheableResponsePlugin({ statuses: [200] })]
	})
);

const assets = new StaleWhileRevalidate({
	cacheName: 'xianfeng-assets',
	plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 24 * 60 * 60 })]
});

// Study modules the member downloaded (client/study/downloads.ts), kept until removed, and the meeting
// pages the 签到 tab keeps (client/checkin/meeting-pages.ts), refreshed each time it loads online.
const KEPT_CACHES = ['xianfeng-pages-study', 'xianfeng-pages-meetings'];
const fromDownloads = async ({ request }: { request: Request }) => {
	for (const name of KEPT_CACHES) {
		const kept = await (await caches.open(name)).match(request.url, { ignoreVary: true });
		if (kept) return kept;
	}
	return undefined;
};

// Pages: the network first (fresh data), the last good copy when offline, then a downloaded copy. Only
// real 200 pages are kept, never redirects or errors. Cache names start with `xianfeng-pages` so logout can wipe them.
registerRoute(
	({ request }) => request.mode === 'navigate',
	new NetworkFirst({
		cacheName: 'xianfeng-pages',
		networkTimeoutSeconds: 5,
		plugins: [
			new CacheableResponsePlugin({ statuses: [200] }),
			new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 30 * 24 * 60 * 60 }),
			{ handlerDidError: fromDownloads }
		]
	})
);

// Uploaded files (pictures, recordings, videos, PDFs): a downloaded copy first — cut to the asked
// range, so a player can seek offline — else the network (their addresses never change content).
registerRoute(
	({ url }) => url.origin === sw.location.origin && url.pathname.startsWith('/files/'),
	async ({ request }) => {
		const kept = await fromDownloads({ request });
		if (!kept) return fetch(request);
		return request.headers.has('range') ? createPartialResponse(request, kept) : kept;
	}
);

// Pictures inside downloaded lessons (including other sites' pictures, kept opaque).
registerRoute(
	({ request }) => request.destination === 'image',
	async ({ request, event }) => (await fromDownloads({ request })) ?? assets.handle({ request, event })
);

registerRoute(({ request }) => ['style', 'script', 'font', 'manifest'].includes(request.destination), assets);

// A page never opened before, while offline: our own offline page instead of the browser's error.
setCatchHandler(async ({ request }) => {
	if (request.destination === 'document') return (await matchPrecache('/offline')) ?? Response.error();
	return Response.error();
});

sw.addEventListener('install', () => void sw.skipWaiting());
clientsClaim();
