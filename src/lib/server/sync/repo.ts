import type { Db } from '../db/client';
import { preparedFor } from '../db/prepared';
import type { OpResult } from '$lib/shared/sync-schemas';

/** Thrown by an op's writer when the op cannot be applied for a reason the member must see. */
export class OpRejected extends Error {}

export type PreparedOp =
	| { id: string; kind: string; at: number; reject: string }
	| { id: string; kind: string; at: number; write: () => void };

/**
 * The hot path of every sync request, as plain prepared SQLite statements: Drizzle's prepared
 * queries cost several microseconds more per call, and a batch runs a few per op.
 */
const statements = preparedFor((db) => {
	const c = db.$client;
	const seen = c.prepare<[string, string], { status: 'applied' | 'rejected'; error: string | null }>('SELECT status, error FROM sync_ops WHERE user_id = ? AND op_id = ?');
	// Claim the op id first: a replay finds it taken (no row inserted) and only then is the first result read.
	const claim = c.prepare("INSERT INTO sync_ops (user_id, op_id, kind, status, error, device_at, received_at) VALUES (?, ?, ?, 'applied', NULL, ?, ?) ON CONFLICT DO NOTHING");
	const reject = c.prepare("UPDATE sync_ops SET status = 'rejected', error = ? WHERE user_id = ? AND op_id = ?");
	return {
		seen: (userId: string, opId: string) => seen.get(userId, opId),
		claim: (userId: string, op: PreparedOp, now: number) => claim.run(userId, op.id, op.kind, op.at, now).changes === 1,
		reject: (userId: string, opId: string, error: string) => reject.run(error, userId, opId),
		savepoint: c.prepare('SAVEPOINT sync_op'),
		release: c.prepare('RELEASE sync_op'),
		rollback: c.prepare('ROLLBACK TO sync_op'),
		batchSavepoint: c.prepare('SAVEPOINT sync_batch'),
		batchRelease: c.prepare('RELEASE sync_batch'),
		batchRollback: c.prepare('ROLLBACK TO sync_batch')
	};
});

interface Job {
	userId: string;
	ops: PreparedOp[];
	now: number;
	resolve: (results: OpResult[]) => void;
	reject: (error: unknown) => void;
}

/**
 * Group commit: the batches of all sync requests that arrive in the same turn of the event loop are
 * written in one transaction, so fifty phones at once cost one fsync, not fifty. No request is
 * answered before the transaction holding its ops has committed.
 */
const queues = new WeakMap<Db, Job[]>();

/**
 * Apply one member's batch. An op id seen before answers as it did the first time; each op runs in
 * its own savepoint so one failure never undoes the others, and each batch in its own so one
 * request's crash never fails the rest of the group.
 */
export function applyBatch(db: Db, userId: string, ops: PreparedOp[], now: number): Promise<OpResult[]> {
	return new Promise((resolve, reject) => {
		let queue = queues.get(db);
		if (!queue) {
			queue = [];
			queues.set(db, queue);
			setImmediate(() => flush(db));
		}
		queue.push({ userId, ops, now, resolve, reject });
	});
}

function flush(db: Db): void {
	const jobs = queues.get(db) ?? [];
	queues.delete(db);
	const s = statements(db);
	const outcomes: ({ ok: true; results: OpResult[] } | { ok: false; error: unknown })[] = [];
	try {
		db.$client.transaction(() => {
			for (const job of jobs) {
				s.batchSavepoint.run();
				try {
					outcomes.push({ ok: true, results: applyInTransaction(s, job) });
					s.batchRelease.run();
				} catch (error) {
					s.batchRollback.run();
					s.batchRelease.run();
					outcomes.push({ ok: false, error });
				}
			}
		})();
	} catch (error) {
		for (const job of jobs) job.reject(error);
		return;
	}
	jobs.forEach((job, i) => {
		const outcome = outcomes[i];
		if (outcome.ok) job.resolve(outcome.results);
		else job.reject(outcome.error);
	});
}

function applyInTransaction(s: ReturnType<typeof statements>, { userId, ops, now }: Job): OpResult[] {
	const results: OpResult[] = [];
	for (const op of ops) {
		if (!s.claim(userId, op, now)) {
			const seen = s.seen(userId, op.id)!;
			results.push(seen.status === 'applied' ? { id: op.id, status: 'duplicate' } : { id: op.id, status: 'rejected', error: seen.error ?? '' });
			continue;
		}
		let rejection = 'reject' in op ? op.reject : null;
		if (rejection === null && 'write' in op) {
			s.savepoint.run();
			try {
				op.write();
				s.release.run();
			} catch (e) {
				s.rollback.run();
				s.release.run();
				if (!(e instanceof OpRejected)) throw e;
				rejection = e.message;
			}
		}
		if (rejection !== null) s.reject(userId, op.id, rejection);
		results.push(rejection === null ? { id: op.id, status: 'applied' } : { id: op.id, status: 'rejected', error: rejection });
	}
	return results;
}
