import Dexie, { type EntityTable } from 'dexie';
import type { PracticeSet } from '$lib/shared/quiz/practice-schemas';

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

/** A practice bank kept on the phone for offline practice (practice banks only: keys included). */
export interface StoredPracticeSet extends PracticeSet {
	downloadedAt: number;
	/** Size of the stored set in bytes (its JSON), shown before and after downloading. */
	bytes: number;
}

/** A study module kept on the phone (下载离线学习): its pages and images sit in the service worker's study cache. */
export interface StoredStudyDownload {
	moduleId: string;
	title: string;
	/** Everything kept in the cache for it, so removing it removes exactly those. */
	urls: string[];
	bytes: number;
	downloadedAt: number;
}

export interface KeyValue {
	key: string;
	value: unknown;
}

/** One IndexedDB database per signed-in user, deleted at logout. */
export class XianfengDb extends Dexie {
	outbox!: EntityTable<OutboxOp, 'seq'>;
	kv!: EntityTable<KeyValue, 'key'>;
	practiceSets!: EntityTable<StoredPracticeSet, 'bankId'>;
	studyDownloads!: EntityTable<StoredStudyDownload, 'moduleId'>;

	constructor(userId: string) {
		super(dbName(userId));
		this.version(1).stores({
			outbox: '++seq, &id, state',
			kv: 'key'
		});
		this.version(2).stores({ practiceSets: 'bankId' });
		this.version(3).stores({ studyDownloads: 'moduleId' });
	}
}

export const dbName = (userId: string) => `xianfeng-${userId}`;

export async function deleteUserDb(userId: string): Promise<void> {
	await Dexie.delete(dbName(userId));
}
