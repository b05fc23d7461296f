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
		end: c.prepare('UPDATE contests SET ended_at = ? WHERE id = ? AND ended_at IS NULL')
	};
});

export type ContestRow = NonNullable<ReturnType<ReturnType<typeof statements>['byId']['get']>>;

export function contestRepo(db: Db) {
	const s = statements(db);
	return {
		insert: (row: { id: string; title: string; ownerUnitId: string; code: string; plan: string; createdBy: string | null; createdAt: number }) => void s.insert.run(row),
		byId: (id: string): ContestRow | undefined => s.byId.get(id),
		/** The contest now open under a join code. */
		byCode: (code: string) => s.byCode.get(code)?.id ?? null,
		ownerPath: (id: string) => s.ownerPath.get(id)?.path ?? null,
		events: (contestId: string) => s.events.all(contestId),
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
