import { beforeEach, describe, expect, it } from 'vitest';
import { aWeekOfLearning } from '../test-activity';
import { demoActor, withDemoDatabase, statusOf } from '../test-db';
import type { Db } from '../db/client';
import { memberRankings, setRanksHidden } from './ranking-service';

const DAY = 24 * 60 * 60_000;
const T0 = Date.parse('2026-11-02T02:00:00Z');
const NOW = T0 + 7 * DAY;
const status = statusOf;

const demo = withDemoDatabase(T0 - DAY);
let db: Db;
beforeEach(() => {
	db = demo.db;
});

describe('points rankings for members', () => {
	it('rank the year’s points in the branch and the organisation, unless the admin hides them', async () => {
		const { member, secretary } = await aWeekOfLearning(db, T0);
		const r = (await memberRankings(db, member, NOW))!;
		expect(r.branch.mine).toMatchObject({ rank: 1, name: '张伟', points: 20 });
		expect([r.branch.size, r.organisation.size]).toEqual([20, 32]);
		expect(r.organisation.top[0]).toMatchObject({ name: '张伟', branchName: '机关第一党支部' });
		// Nobody else earned points this year: the top lists only those who did.
		expect(r.branch.top.map((x) => x.name)).toEqual(['张伟']);

		expect(await status(setRanksHidden(db, secretary, true, NOW))).toBe(403);
		await setRanksHidden(db, await demoActor(db, '13800000000', NOW), true, NOW);
		expect(await memberRankings(db, member, NOW + 1)).toBeNull();
	});
});
