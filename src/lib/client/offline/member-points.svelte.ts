import type { XianfengDb } from './db';
import { beijingDay } from '$lib/shared/day';
import type { PointsSummary } from '$lib/shared/sync-schemas';

const POINTS_KEY = 'points.summary';

/**
 * The member's points as last pulled, kept on the device so 我的 can show them with no connection.
 * A page rendered by the server may carry a newer count: `freshest` picks whichever was counted later.
 */
export class MemberPointsState {
	#summary = $state<PointsSummary | null>(null);
	readonly #db: XianfengDb;

	constructor(db: XianfengDb) {
		this.#db = db;
		void db.kv.get(POINTS_KEY).then((row) => {
			if (row && !this.#summary) this.#summary = row.value as PointsSummary;
		});
	}

	get summary() {
		return this.#summary;
	}

	async remember(summary: PointsSummary | null) {
		if (!summary) return;
		this.#summary = summary;
		await this.#db.kv.put({ key: POINTS_KEY, value: summary });
	}
}

/** The later of two counts; today's points drop to 0 once the Beijing day has turned. */
export function freshest(a: PointsSummary | null | undefined, b: PointsSummary | null | undefined, now = Date.now()): PointsSummary | null {
	const pick = a && b ? (a.at >= b.at ? a : b) : (a ?? b ?? null);
	if (!pick) return null;
	return pick.day === beijingDay(now) ? pick : { ...pick, today: 0, day: beijingDay(now) };
}
