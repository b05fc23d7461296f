import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { XianfengDb } from './db';
import { freshest, MemberPointsState } from './member-points.svelte';

// 29 November 2026, 10:00 in Beijing.
const NOW = Date.parse('2026-11-29T02:00:00Z');
const summary = (total: number, today: number, day: string, at: number) => ({ total, today, day, at });

describe('points on the device', () => {
	it('show whichever count is later, and no points today once the day has turned', () => {
		const page = summary(10, 4, '2026-11-29', NOW - 60_000);
		const pulled = summary(12, 6, '2026-11-29', NOW);
		expect(freshest(page, pulled, NOW)).toEqual(pulled);
		expect(freshest(pulled, page, NOW)).toEqual(pulled);
		expect(freshest(null, page, NOW)).toEqual(page);
		expect(freshest(null, null, NOW)).toBeNull();
		expect(freshest(summary(12, 6, '2026-11-28', NOW - 86_400_000), null, NOW)).toEqual(summary(12, 0, '2026-11-29', NOW - 86_400_000));
	});

	it('keep the last pulled count for the next start, offline', async () => {
		const db = new XianfengDb(`points-${Math.random()}`);
		await new MemberPointsState(db).remember(summary(7, 2, '2026-11-29', NOW));
		const later = new MemberPointsState(db);
		await expect.poll(() => later.summary).toEqual(summary(7, 2, '2026-11-29', NOW));
		await db.delete();
	});
});
