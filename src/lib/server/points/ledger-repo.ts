import type { Db } from '../db/client';
import { preparedFor } from '../db/prepared';
import { POINT_RULES_KEY, type PointRule } from '$lib/shared/points/rules';

export interface LedgerEntry {
	rule: PointRule;
	source: string;
	points: number;
	day: string;
	at: number;
	note: string;
}

export interface NewEntry extends LedgerEntry {
	userId: string;
}

/**
 * All SQL for the points ledger. Awards are written inside other capabilities' transactions (a sync
 * batch, an exam hand-in), so these are synchronous prepared statements.
 */
const statements = preparedFor((db) => {
	const c = db.$client;
	return {
		earned: c.prepare<[string, string, string], { n: number | null }>('SELECT sum(points) AS n FROM points_ledger WHERE user_id = ? AND day = ? AND rule = ?'),
		insert: c.prepare(
			`INSERT INTO points_ledger (user_id, rule, source, points, day, at, note, created_at) VALUES (@userId, @rule, @source, @points, @day, @at, @note, @now)
			 ON CONFLICT DO NOTHING`
		),
		has: c.prepare<[string, string, string], { one: number }>('SELECT 1 AS one FROM points_ledger WHERE user_id = ? AND rule = ? AND source = ?'),
		dayByRule: c.prepare<[string, string], { rule: PointRule; n: number }>('SELECT rule, sum(points) AS n FROM points_ledger WHERE user_id = ? AND day = ? GROUP BY rule'),
		total: c.prepare<[string], { n: number | null }>('SELECT sum(points) AS n FROM points_ledger WHERE user_id = ?'),
		history: c.prepare<[string, number, number], LedgerEntry>(
			'SELECT rule, source, points, day, at, note FROM points_ledger WHERE user_id = ? AND at < ? ORDER BY at DESC, rule LIMIT ?'
		),
		changedSince: c.prepare<[string, number], { one: number }>('SELECT 1 AS one FROM points_ledger WHERE user_id = ? AND created_at >= ? LIMIT 1'),
		users: c.prepare<[string], { id: string }>('SELECT id FROM users WHERE id IN (SELECT value FROM json_each(?))'),
		rules: c.prepare<[string], { value: string }>('SELECT value FROM app_settings WHERE key = ?')
	};
});

export function ledgerRepo(db: Db) {
	const s = statements(db);
	return {
		earned: (userId: string, day: string, rule: PointRule) => s.earned.get(userId, day, rule)?.n ?? 0,
		has: (userId: string, rule: PointRule, source: string) => s.has.get(userId, rule, source) !== undefined,
		/** Append one entry; false when that (member, rule, source) was already there. */
		insert: (e: NewEntry, now: number) => s.insert.run({ ...e, now }).changes === 1,
		dayByRule: (userId: string, day: string) => new Map(s.dayByRule.all(userId, day).map((r) => [r.rule, r.n])),
		total: (userId: string) => s.total.get(userId)?.n ?? 0,
		changedSince: (userId: string, since: number) => s.changedSince.get(userId, since) !== undefined,
		/** Newest first, `limit` entries before `before` (ms). */
		history: (userId: string, before: number, limit: number) => s.history.all(userId, before, limit),
		/** Which of these ids are people (contest players may be guests). */
		existingUsers: (ids: string[]) => new Set(s.users.all(JSON.stringify(ids)).map((r) => r.id)),
		storedRules: (): unknown => {
			const row = s.rules.get(POINT_RULES_KEY);
			return row ? JSON.parse(row.value) : null;
		}
	};
}
