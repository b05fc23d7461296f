import type { Db } from '../db/client';
import { preparedFor } from '../db/prepared';
import type { AuditAction } from '$lib/shared/audit';

export interface AuditEntry {
	id: string;
	actorName: string | null;
	action: AuditAction;
	summary: string;
	at: number;
}

/** All SQL of the audit log; written inside the action's own request, synchronously. */
const statements = preparedFor((db) => {
	const c = db.$client;
	return {
		insert: c.prepare('INSERT INTO audit_log (id, actor_id, action, target_id, summary, unit_path, at) VALUES (@id, @actorId, @action, @targetId, @summary, @unitPath, @at)'),
		under: c.prepare<[{ root: string; before: number; limit: number }], AuditEntry>(
			`SELECT a.id, u.name AS actorName, a.action, a.summary, a.at FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
			  WHERE substr(a.unit_path, 1, length(@root)) = @root AND a.at < @before ORDER BY a.at DESC, a.rowid DESC LIMIT @limit`
		)
	};
});

export function auditRepo(db: Db) {
	const s = statements(db);
	return {
		insert: (row: { id: string; actorId: string | null; action: AuditAction; targetId: string | null; summary: string; unitPath: string; at: number }) => void s.insert.run(row),
		under: (root: string, before: number, limit: number) => s.under.all({ root, before, limit })
	};
}
