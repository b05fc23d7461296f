import type { Db } from '../db/client';
import { preparedFor } from '../db/prepared';

/** Contest writes happen while players wait for an acknowledgement: synchronous prepared statements. */
const statements = preparedFor((db) => {
	const c = db.$client;
	return {
		insert: c.prepare('INSERT INTO contests (id, title, owner_unit_id, code, plan, created_by, created_at) VALUES (@id, @title, @ownerUnitId, @code, @plan, @createdBy, @createdAt)'),
		byId: c.prepare<[string], { id: string; title: string; ownerUnitId: string; code: string; plan: string; endedAt: number | null }>(
			'SELECT id, title, owner_unit_id AS ownerUnitId, code, plan, ended_at AS endedAt FROM contests WHERE id = ?'
		),
		byCode: c.prepare<[string], { id: string }>('SELECT id FROM contests WHERE code = ? AND ended_at IS NULL ORDER BY created_at DESC LIMIT 1'),
		ownerPath: c.prepare<[string], { path: string }>('SELECT o.path FROM contests c JOIN org_units o ON o.id = c.owner_unit_id WHERE c.id = ?'),
		events: c.prepare<[string], { seq: number; event: string; at: number }>('SELECT seq, event, at FROM contest_events WHERE contest_id = ? ORDER BY seq'),
		addEvent: c.prepare('INSERT INTO contest_events (contest_id, seq, event, at) VALUES (?, ?, ?, ?)'),
		addAnswer: c.prepare('INSERT INTO contest_answers (contest_id, question_id, player_id, response, at) VALUES (?, ?, ?, ?, ?)'),
		openAbove: c.prepare<[string], { id: string; title: string; code: string; createdAt: number }>(
			"SELECT c.id, c.title, c.code, c.created_at AS createdAt FROM contests c JOIN org_units o ON o.id = c.owner_unit_id WHERE c.ended_at IS NULL AND substr(?, 1, length(o.path)) = o.path ORDER BY c.created_at DESC LIMIT 20"
		),
		listUnder: c.prepare<[string, string], { id: string; title: string; code: string; ownerPath: string; ownerName: string; createdAt: number; endedAt: number | null; started: number }>(
			`SELECT c.id, c.title, c.code, o.path AS ownerPath, o.name AS ownerName, c.created_at AS createdAt, c.ended_at AS endedAt,
			        EXISTS (SELECT 1 FROM contest_events e WHERE e.contest_id = c.id AND e.event LIKE '{"type":"host"%"type":"start"%') AS started
			   FROM contests c JOIN org_units o ON o.id = c.owner_unit_id
			  WHERE substr(o.path, 1, length(?)) = ? ORDER BY c.created_at DESC LIMIT 200`
		),
		answers: c.prepare<[string], { questionId: string; playerId: string; response: string; at: number }>(
			'SELECT question_id AS questionId, player_id AS playerId, response, at FROM contest_answers WHERE contest_id = ? ORDER BY at'
		),
		end: c.prepare('UPDATE contests SET ended_at = ? WHERE id = ? AND ended_at IS NULL')
	};
});

const ownerPaths = new WeakMap<Db, Map<string, string>>();

export type ContestRow = NonNullable<ReturnType<ReturnType<typeof statements>['byId']['get']>>;

export function contestRepo(db: Db) {
	const s = statements(db);
	return {
		insert: (row: { id: string; title: string; ownerUnitId: string; code: string; plan: string; createdBy: string | null; createdAt: number }) => void s.insert.run(row),
		byId: (id: string): ContestRow | undefined => s.byId.get(id),
		/** The contest now open under a join code. */
		byCode: (code: string) => s.byCode.get(code)?.id ?? null,
		/** Contests not yet ended, owned by this unit or one above it (the ones its members may play). */
		openAbove: (unitPath: string) => s.openAbove.all(unitPath),
		/** Contests owned in a subtree (by path prefix), newest first. */
		listUnder: (rootPath: string) => s.listUnder.all(rootPath, rootPath).map((r) => ({ ...r, started: r.started === 1 })),
		/** The owner unit's path (a contest never changes owner: remembered per database after the first read). */
		ownerPath(id: string): string | null {
			let known = ownerPaths.get(db);
			if (!known) ownerPaths.set(db, (known = new Map()));
			const cached = known.get(id);
			if (cached) return cached;
			const path = s.ownerPath.get(id)?.path ?? null;
			if (path) known.set(id, path);
			return path;
		},
		events: (contestId: string) => s.events.all(contestId),
		answers: (contestId: string) => s.answers.all(contestId).map((a) => ({ ...a, response: JSON.parse(a.response) as string[] })),
		/** Record an accepted event (and the answer it carries) in one transaction; a repeated answer throws. */
		record(contestId: string, seq: number, event: unknown, at: number, answer: { questionId: string; playerId: string; response: string[] } | null, ended: boolean) {
			db.$client.transaction(() => {
				if (answer) s.addAnswer.run(contestId, answer.questionId, answer.playerId, JSON.stringify(answer.response), at);
				s.addEvent.run(contestId, seq, JSON.stringify(event), at);
				if (ended) s.end.run(at, contestId);
			})();
		}
	};
}
