import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn } from './helpers';

// The contest API as a client other than our pages would use it, from real browsers:
// members join by the demo code, follow the Server-Sent Events stream, and see the host's start.

/** Join by code and open the stream in the page; the snapshots it receives collect on `window.__snaps`. */
async function joinAndFollow(page: Page): Promise<string> {
	return page.evaluate(async () => {
		const res = await fetch('/api/contests/join', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: '135790' }) });
		const { contestId } = (await res.json()) as { contestId: string };
		const w = window as unknown as { __snaps: { phase: string; seq: number; players: number; question: unknown }[] };
		w.__snaps = [];
		const source = new EventSource(`/api/contests/${contestId}/stream`);
		source.addEventListener('snapshot', (e) => w.__snaps.push(JSON.parse((e as MessageEvent).data)));
		return contestId;
	});
}
const lastSnap = (page: Page) => page.evaluate(() => (window as unknown as { __snaps: { phase: string; seq: number; players: number; question: { options: unknown[] } | null }[] }).__snaps.at(-1) ?? null);

test('members join the demo contest by code and follow it live; a stale host command is refused', async ({ browser }) => {
	const phones = await Promise.all(
		['13800000018', '13800000019'].map(async (phone) => {
			const page = await (await browser.newContext()).newPage();
			await signIn(page, phone, undefined, '/contest');
			return page;
		})
	);
	const contestIds = await Promise.all(phones.map(joinAndFollow));
	expect(new Set(contestIds).size).toBe(1);
	await expect.poll(async () => (await lastSnap(phones[0]))?.players).toBeGreaterThanOrEqual(2);
	expect((await lastSnap(phones[0]))?.phase).toBe('lobby');

	const host = await (await browser.newContext()).newPage();
	await signIn(host, DEMO.secretary, undefined, '/manage');
	const seq = (await lastSnap(phones[0]))!.seq;
	const start = (expectSeq: number) =>
		host.evaluate(
			async ([id, s]) => {
				const res = await fetch(`/api/contests/${id}/host`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ expectSeq: s, command: { type: 'start' } }) });
				return { status: res.status, body: await res.json() };
			},
			[contestIds[0], expectSeq] as const
		);
	expect((await start(seq)).status).toBe(200);
	expect(await start(seq)).toEqual({ status: 409, body: { message: '画面已更新，请再点一次', reason: 'stale' } });

	// Both phones see the read time, then the answers open on the server's clock with the options shown.
	for (const phone of phones) await expect.poll(async () => (await lastSnap(phone))?.phase, { timeout: 10_000 }).toBe('open');
	expect((await lastSnap(phones[1]))?.question?.options.length).toBeGreaterThan(1);

	// A member cannot host.
	const refused = await phones[0].evaluate(async (id) => (await fetch(`/api/contests/${id}/host`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ expectSeq: 0, command: { type: 'end' } }) })).status, contestIds[0]);
	expect(refused).toBe(404);
});
