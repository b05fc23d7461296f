import type { Db } from '../client';
import { contestRepo } from '../../contest/contest-repo';
import type { ContestPlan } from '../../contest/contest-engine';
import { uuidv7 } from '$lib/shared/id';

/** The demo contest's join code (fixed, so the README and journeys can name it). */
export const DEMO_CONTEST_CODE = '135790';

/**
 * A contest waiting in its lobby for 机关第一党支部: a 必答 round of three single-choice questions and a
 * 抢答 round of two, from the practice bank 党章党规基础.
 */
export async function seedDemoContest(db: Db, branchId: string, secretaryId: string, now: number): Promise<void> {
	const single = db.$client
		.prepare("SELECT q.id, q.version FROM questions q JOIN question_banks b ON b.id = q.bank_id WHERE b.name = '党章党规基础' AND q.type = 'single' ORDER BY q.created_at, q.id LIMIT 5")
		.all() as { id: string; version: number }[];
	if (single.length < 5) return;
	const scoring = { mode: 'accuracy' as const, points: 10 };
	const plan: ContestPlan = {
		rounds: [
			{ kind: 'all', questionIds: single.slice(0, 3).map((q) => q.id), seconds: 20, readSeconds: 3, scoring, buzzPenalty: 0 },
			{ kind: 'buzz', questionIds: single.slice(3).map((q) => q.id), seconds: 15, readSeconds: 3, scoring, buzzPenalty: 5 }
		],
		versions: Object.fromEntries(single.map((q) => [q.id, q.version]))
	};
	contestRepo(db).insert({ id: uuidv7(now), title: '支部党章党规知识竞赛（演示）', ownerUnitId: branchId, code: DEMO_CONTEST_CODE, plan: JSON.stringify(plan), createdBy: secretaryId, createdAt: now });
}
