import { uuidv7 } from '$lib/shared/id';
import type { XianfengDb, OutboxOp } from './db';

/** Write an op to the outbox first: once this resolves, the member's action survives a closed tab or a dead battery. */
export async function enqueue(db: XianfengDb, kind: string, payload: unknown, now = Date.now()): Promise<OutboxOp> {
	const op: OutboxOp = { id: uuidv7(now), kind, at: now, payload, state: 'pending' };
	await db.outbox.add(op);
	return op;
}

export function pendingOps(db: XianfengDb, limit: number): Promise<OutboxOp[]> {
	return db.outbox.where('state').equals('pending').limit(limit).sortBy('seq');
}

export function countPending(db: XianfengDb): Promise<number> {
	return db.outbox.where('state').equals('pending').count();
}

export function rejectedOps(db: XianfengDb): Promise<OutboxOp[]> {
	return db.outbox.where('state').equals('rejected').sortBy('seq');
}

/** The server has the op (applied now or before): only then may the phone forget it. */
export async function acknowledge(db: XianfengDb, ids: string[]): Promise<void> {
	await db.outbox.where('id').anyOf(ids).delete();
}

/** Keep a refused op, with the reason, until the member has seen it. */
export async function markRejected(db: XianfengDb, id: string, error: string): Promise<void> {
	await db.outbox.where('id').equals(id).modify({ state: 'rejected', error });
}

export async function dismissRejected(db: XianfengDb, id: string): Promise<void> {
	await db.outbox.where('id').equals(id).and((o) => o.state === 'rejected').delete();
}
