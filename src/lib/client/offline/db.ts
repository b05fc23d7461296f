import Dexie, { type EntityTable } from 'dexie';

/** An op waiting in the outbox. `id` is the idempotency key from its creation on, for ever. */
export interface OutboxOp {
	id: string;
	kind: string;
	/** Device time the member acted (ms). */
	at: number;
	payload: unknown;
	state: 'pending' | 'rejected';
	error?: string;
	/** Monotonic enqueue order, so ops drain in the order they were made. */
	seq?: number;
}

export interface KeyValue {
	key: string;
	value: unknown;
}

/** One IndexedDB database per signed-in user, deleted at logout. */
export class XianfengDb extends Dexie {
	outbox!: EntityTable<OutboxOp, 'seq'>;
	kv!: EntityTable<KeyValue, 'key'>;

	constructor(userId: string) {
		super(dbName(userId));
		this.version(1).stores({
			outbox: '++seq, &id, state',
			kv: 'key'
		});
	}
}

export const dbName = (userId: string) => `xianfeng-${userId}`;

export async function deleteUserDb(userId: string): Promise<void> {
	await Dexie.delete(dbName(userId));
}
