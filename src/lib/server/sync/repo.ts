import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { syncOps } from '../db/schema';
import type { OpResult } from '$lib/shared/sync-schemas';

/** Thrown by an op's writer when the op cannot be applied for a reason the member must see. */
export class OpRejected extends Error {}

export type PreparedOp =
	| { id: string; kind: string; at: number; reject: string }
	| { id: string; kind: string; at: number; write: (tx: Tx) => void };

/**
 * Apply a batch in one transaction (one fsync for the whole request). An op id seen before answers
 * as it did the first time; each op runs in its own savepoint so one failure never undoes the others.
 */
export function applyBatch(db: Db, userId: string, ops: PreparedOp[], now: number): OpResult[] {
	return db.transaction((tx) => {
		const results: OpResult[] = [];
		for (const op of ops) {
			const seen = tx
				.select({ status: syncOps.status, error: syncOps.error })
				.from(syncOps)
				.where(and(eq(syncOps.userId, userId), eq(syncOps.opId, op.id)))
				.get();
			if (seen) {
				results.push(seen.status === 'applied' ? { id: op.id, status: 'duplicate' } : { id: op.id, status: 'rejected', error: seen.error ?? '' });
				continue;
			}
			let rejection = 'reject' in op ? op.reject : null;
			if (rejection === null && 'write' in op) {
				try {
					tx.transaction((sp) => op.write(sp));
				} catch (e) {
					if (!(e instanceof OpRejected)) throw e;
					rejection = e.message;
				}
			}
			tx.insert(syncOps)
				.values({ userId, opId: op.id, kind: op.kind, status: rejection === null ? 'applied' : 'rejected', error: rejection, deviceAt: op.at, receivedAt: now })
				.run();
			results.push(rejection === null ? { id: op.id, status: 'applied' } : { id: op.id, status: 'rejected', error: rejection });
		}
		return results;
	});
}
