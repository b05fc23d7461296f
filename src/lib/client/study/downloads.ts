import type { StoredStudyDownload, XianfengDb } from '../offline/db';

/**
 * 下载离线学习: a module's pages (the module and each lesson, as the server renders them for this
 * member) and the pictures, recordings, videos and PDFs they show, kept in a cache the service worker falls back to when offline.
 * The cache name starts with `xianfeng-pages`, so logout wipes it with the rest.
 */
export const STUDY_CACHE = 'xianfeng-pages-study';

export interface ModuleToDownload {
	moduleId: string;
	title: string;
	lessonIds: string[];
}

export const modulePages = (mod: ModuleToDownload) => [`/study/${mod.moduleId}`, ...mod.lessonIds.map((id) => `/study/${mod.moduleId}/${id}`)];

/**
 * What a kept page needs besides itself: the pictures it shows (uploads and linked pictures alike), its
 * cover, and its uploaded recording or video and PDFs. Media linked from other sites stays online-only
 * (an opaque copy could not be played from the cache).
 */
function filesOf(html: string, base: string): string[] {
	const doc = new DOMParser().parseFromString(html, 'text/html');
	const images = [...doc.querySelectorAll('[data-testid="lesson-body"] img[src], img.cover[src]')].map((el) => el.getAttribute('src')!);
	const uploads = [...doc.querySelectorAll('[data-testid="lesson-media"] [src], a[data-attachment]')]
		.map((el) => el.getAttribute('src') ?? el.getAttribute('href')!)
		.filter((src) => src.startsWith('/files/'));
	return [...images, ...uploads].map((src) => new URL(src, base).href);
}

export async function downloadModule(db: XianfengDb, mod: ModuleToDownload, now = Date.now()): Promise<StoredStudyDownload> {
	const cache = await caches.open(STUDY_CACHE);
	const urls: string[] = [];
	let bytes = 0;
	for (const url of modulePages(mod)) {
		const res = await fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } });
		if (!res.ok) throw new Error(`HTTP ${res.status}`);
		const html = await res.clone().text();
		bytes += new Blob([html]).size;
		await cache.put(url, res);
		urls.push(url);
		for (const src of filesOf(html, location.href)) {
			if (urls.includes(src)) continue;
			const same = new URL(src).origin === location.origin;
			const img = await fetch(src, same ? { credentials: 'same-origin' } : { mode: 'no-cors' }).catch(() => null);
			if (!img || (same && !img.ok)) continue;
			bytes += same ? (await img.clone().blob()).size : 0;
			await cache.put(src, img);
			urls.push(src);
		}
	}
	const stored: StoredStudyDownload = { moduleId: mod.moduleId, title: mod.title, urls, bytes, downloadedAt: now };
	await db.studyDownloads.put(stored);
	return stored;
}

export async function removeModuleDownload(db: XianfengDb, moduleId: string): Promise<void> {
	const stored = await db.studyDownloads.get(moduleId);
	if (stored && typeof caches !== 'undefined') {
		const cache = await caches.open(STUDY_CACHE);
		await Promise.all(stored.urls.map((url) => cache.delete(url)));
	}
	await db.studyDownloads.delete(moduleId);
}

export function studyDownloads(db: XianfengDb): Promise<StoredStudyDownload[]> {
	return db.studyDownloads.toArray();
}
