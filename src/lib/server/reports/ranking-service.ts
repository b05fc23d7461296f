import { error } from '@sveltejs/kit';
import { recordAudit } from '../audit/audit-service';
import { policy } from '../auth/policy';
import type { Db } from '../db/client';
import { appSettingsRepo } from '../settings/app-repo';
import { evaluationRepo } from './evaluation-repo';
import { m } from '$lib/paraglide/messages';
import { currentPeriod, type Period } from '$lib/shared/reports/period';
import { rankByPoints } from '$lib/shared/reports/ranking';
import type { Actor } from '$lib/shared/roles';

export const RANKS_HIDDEN_KEY = 'points.ranksHidden';
const TOP = 10;

export interface RankRow {
	rank: number;
	id: string;
	name: string;
	branchName: string;
	points: number;
}

/**
 * Rankings of large subtrees shown to members, per database and (subtree, period), kept a minute: a
 * large organisation's ranking is a grouped query over its whole ledger, too much to run for every
 * member opening 我的. A branch's ranking is cheap and always current.
 */
const cache = new WeakMap<Db, Map<string, { at: number; rows: RankRow[] }>>();
const CACHE_MS = 60_000;
const CACHE_FROM_MEMBERS = 1000;

function cachedRanking(db: Db, path: string, period: Period, now: number): RankRow[] {
	const byKey = cache.get(db) ?? cache.set(db, new Map()).get(db)!;
	const key = `${path}|${period.key}`;
	const hit = byKey.get(key);
	if (hit && now - hit.at < CACHE_MS) return hit.rows;
	if (byKey.size > 1000) byKey.clear();
	const rows = ranking(db, path, period);
	if (rows.length >= CACHE_FROM_MEMBERS) byKey.set(key, { at: now, rows });
	return rows;
}

/** Everyone of a subtree ranked by the points they earned in the period. */
function ranking(db: Db, path: string, period: Period): RankRow[] {
	const repo = evaluationRepo(db);
	const members = repo.members(path);
	const points = repo.points({ ids: JSON.stringify(members.map((p) => p.id)), from: period.from, to: period.to, fromDay: period.fromDay, toDay: period.toDay });
	return rankByPoints(members.map((p) => ({ id: p.id, name: p.name, branchName: p.branchName, points: points.get(p.id)?.points ?? 0 }))).map((r) => ({ rank: r.rank, ...r.row }));
}

/** The top of a ranking (those who earned points at all), and where one member stands in it. */
const board = (rows: RankRow[], userId: string) => ({ top: topOf(rows), mine: rows.find((r) => r.id === userId) ?? null, size: rows.length });
export const topOf = <T extends { points: number }>(rows: T[]) => rows.filter((r) => r.points > 0).slice(0, TOP);

export async function ranksHidden(db: Db): Promise<boolean> {
	return appSettingsRepo(db).get(RANKS_HIDDEN_KEY, false);
}

export async function setRanksHidden(db: Db, actor: Actor, hidden: boolean, now = Date.now()): Promise<void> {
	if (!policy.managePointRules(actor)) error(403, m.err_forbidden());
	await appSettingsRepo(db).set(RANKS_HIDDEN_KEY, hidden, actor.userId, now);
	recordAudit(db, actor, 'points.ranks', { summary: hidden ? m.ranking_hidden_label() : m.ranking_title(), unitPath: actor.adminOf!.path }, now);
}

/** 我的 → 积分排行: this year in the member's branch and in the whole organisation, unless the admin hid ranks from members. */
export async function memberRankings(db: Db, actor: Actor, now = Date.now()) {
	if (await ranksHidden(db)) return null;
	const period = currentPeriod(now, true);
	const orgPath = `/${actor.branchPath.split('/').filter(Boolean)[0]}/`;
	return { period, branch: board(cachedRanking(db, actor.branchPath, period, now), actor.userId), organisation: board(cachedRanking(db, orgPath, period, now), actor.userId) };
}
