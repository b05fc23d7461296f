import { beforeEach, describe, expect, it } from 'vitest';
import { aWeekOfLearning } from '../test-activity';
import { demoActor, withDemoDatabase, statusOf } from '../test-db';
import type { Db } from '../db/client';
import { dashboard } from './dashboard-service';

const DAY = 24 * 60 * 60_000;
const T0 = Date.parse('2026-11-02T02:00:00Z'); // Monday 10:00 in Beijing
const SUNDAY = T0 + 6 * DAY;
const status = statusOf;

const demo = withDemoDatabase(T0 - DAY);
let db: Db;
beforeEach(() => {
	db = demo.db;
});

describe('the dashboard', () => {
	it('shows the branch’s participation this week and month, its trend, and who needs attention', async () => {
		const { secretary } = await aWeekOfLearning(db, T0);
		const d = await dashboard(db, secretary, null, SUNDAY);
		expect(d.unit.name).toBe('机关第一党支部');
		expect(d.members).toBe(20);
		expect([d.week.fromDay, d.week.toDay, d.month.fromDay]).toEqual(['2026-11-02', '2026-11-08', '2026-11-01']);
		// Only 张伟 learned this week; the demo's own activity lies further back.
		expect(d.weekParticipation).toBe(1 / 20);
		expect(d.trend).toHaveLength(12);
		expect(d.trend!.at(-1)).toEqual({ week: '11-02', participants: 1 });
		const attention = new Map(d.attention.map((a) => [a.name, a]));
		expect(attention.get('张伟')?.quiet ?? false).toBe(false);
		expect([...attention.values()].some((a) => a.quiet)).toBe(true);
		expect(d.branches).toHaveLength(1);
		expect(d.branches[0]).toMatchObject({ members: 20, weekParticipation: 1 / 20 });
	});

	it('shows an admin every branch without a trend, and nobody without a management role', async () => {
		await aWeekOfLearning(db, T0);
		const d = await dashboard(db, await demoActor(db, '13800000000', SUNDAY), null, SUNDAY);
		expect(d.branches.map((b) => b.branchName).sort()).toEqual(['机关第一党支部', '离退休党支部']);
		expect(d.trend).toBeNull();
		expect(await status(dashboard(db, await demoActor(db, '13800000002', SUNDAY), null, SUNDAY))).toBe(403);
	});
});
