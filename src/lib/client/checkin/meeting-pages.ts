/**
 * The pages of the meetings a member may need with no signal (today's, and each 补学 owed), kept with the
 * photos they show and their PDF and picture files, in a cache the service worker falls back to when
 * offline. Recordings and videos stay online: a cheap phone's data would pay for them unasked. The 签到
 * tab refreshes the cache whenever it loads online; what is no longer needed is dropped. The name starts
 * with `xianfeng-pages`, so logout wipes it with the rest.
 */
export const MEETINGS_CACHE = 'xianfeng-pages-meetings';

export const meetingPage = (meetingId: string) => `/checkin/makeup/${meetingId}`;

function filesOf(html: string): string[] {
	const doc = new DOMParser().parseFromString(html, 'text/html');
	const photos = [...doc.querySelectorAll('[data-testid="meeting-photos"] img[src]')].map((el) => el.getAttribute('src')!);
	const pdfs = [...doc.querySelectorAll('[data-testid="meeting-attachments"] a[data-kind="pdf"], [data-testid="meeting-attachments"] a[data-kind="image"]')].map((el) => el.getAttribute('href')!);
	return [...photos, ...pdfs].filter((src) => src.startsWith('/files/'));
}

export async function keepMeetingPages(meetingIds: string[]): Promise<void> {
	if (typeof caches === 'undefined' || !navigator.onLine) return;
	const cache = await caches.open(MEETINGS_CACHE);
	const wanted = new Set<string>();
	let complete = true;
	for (const id of meetingIds) {
		const url = new URL(meetingPage(id), location.href).href;
		const res = await fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } }).catch(() => null);
		if (!res?.ok) {
			complete = false;
			continue;
		}
		const html = await res.clone().text();
		await cache.put(url, res);
		wanted.add(url);
		for (const src of filesOf(html)) {
			const href = new URL(src, location.href).href;
			if (wanted.has(href)) continue;
			// A file's address is its content's hash: one already kept never needs fetching again.
			if (!(await cache.match(href))) {
				const file = await fetch(href, { credentials: 'same-origin' }).catch(() => null);
				if (!file?.ok) {
					complete = false;
					continue;
				}
				await cache.put(href, file);
			}
			wanted.add(href);
		}
	}
	// A weak signal may fail some fetches: then the copies kept before stay.
	if (complete) for (const req of await cache.keys()) if (!wanted.has(req.url)) await cache.delete(req);
}
