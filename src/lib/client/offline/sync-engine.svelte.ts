import type { OpResult, PullResponse } from '$lib/shared/sync-schemas';
import { backoffDelay, retryAfterMs } from './backoff';
import type { OutboxOp, XianfengDb } from './db';
import { acknowledge, countPending, dismissRejected, enqueue, markRejected, pendingOps, rejectedOps } from './outbox';

export type SyncStatus = 'synced' | 'pending' | 'offline' | 'auth';
/** Why a drain stopped: the outbox is empty, or it must wait (network, server, sign-in). */
export type DrainStop = 'empty' | 'offline' | 'retry' | 'auth' | 'busy';

export interface SyncEngineOptions {
	db: XianfengDb;
	/** Lock name; one per user so two tabs never send the same ops at once. */
	lockName: string;
	fetch?: typeof fetch;
	baseUrl?: string;
	batchSize?: number;
	random?: () => number;
	onPulled?: (changes: PullResponse) => void | Promise<void>;
}

const CURSOR_KEY = 'sync.cursor';
const LAST_SYNC_KEY = 'sync.lastAt';

/**
 * The outbox drain and the pull, as DESIGN.md's sync contract says. Network errors, 5xx and 429 retry
 * with backoff; 401 keeps everything and asks to sign in; another 4xx marks the op rejected for the member.
 */
export class SyncEngine {
	#pending = $state(0);
	#rejected = $state<OutboxOp[]>([]);
	#offline = $state(false);
	#needsSignIn = $state(false);
	#lastSyncAt = $state<number | null>(null);
	#attempt = 0;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#draining = false;
	/** The pull a retry runs after its send: `settled` waits for it too, and it never throws unseen. */
	#followUp: Promise<unknown> | null = null;
	#running: Promise<DrainStop> | null = null;
	#batchSize: number;
	#stopListening: (() => void) | null = null;
	readonly #opts: SyncEngineOptions;

	constructor(opts: SyncEngineOptions) {
		this.#opts = opts;
		this.#batchSize = opts.batchSize ?? 50;
	}

	get pending() {
		return this.#pending;
	}
	get rejected() {
		return this.#rejected;
	}
	get lastSyncAt() {
		return this.#lastSyncAt;
	}
	get status(): SyncStatus {
		if (this.#needsSignIn) return 'auth';
		if (this.#offline) return 'offline';
		return this.#pending > 0 ? 'pending' : 'synced';
	}
	/** The delay of the retry now scheduled, for tests and the UI; null when none is. */
	nextRetryMs: number | null = null;

	get #fetch() {
		return this.#opts.fetch ?? globalThis.fetch.bind(globalThis);
	}
	#url(path: string) {
		return (this.#opts.baseUrl ?? '') + path;
	}

	/** Listen for the moments the contract names: start, online, visible. */
	start(): void {
		if (typeof window === 'undefined' || this.#stopListening) return;
		const kick = () => void this.syncNow();
		const offline = () => (this.#offline = true);
		const visible = () => document.visibilityState === 'visible' && kick();
		window.addEventListener('online', kick);
		window.addEventListener('offline', offline);
		document.addEventListener('visibilitychange', visible);
		this.#stopListening = () => {
			window.removeEventListener('online', kick);
			window.removeEventListener('offline', offline);
			document.removeEventListener('visibilitychange', visible);
		};
		this.#offline = navigator.onLine === false;
		void navigator.storage?.persist?.().catch(() => false);
		void this.refresh().then(kick);
	}

	stop(): void {
		this.#stopListening?.();
		this.#stopListening = null;
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
	}

	async refresh(): Promise<void> {
		const [pending, rejected, last] = await Promise.all([countPending(this.#opts.db), rejectedOps(this.#opts.db), this.#opts.db.kv.get(LAST_SYNC_KEY)]);
		this.#pending = pending;
		this.#rejected = rejected;
		this.#lastSyncAt = typeof last?.value === 'number' ? last.value : null;
	}

	/** Write to the outbox, then try to send at once. Resolves when the op is safe on the device. */
	async enqueue(kind: string, payload: unknown): Promise<OutboxOp> {
		const op = await enqueue(this.#opts.db, kind, payload);
		await this.refresh();
		void this.drain();
		return op;
	}

	async dismiss(id: string): Promise<void> {
		await dismissRejected(this.#opts.db, id);
		await this.refresh();
	}

	/** Sign-in again succeeded (or the member retries): clear the 401 state and send. */
	async syncNow(): Promise<DrainStop> {
		this.#needsSignIn = false;
		this.#attempt = 0;
		const stop = await this.drain();
		if (stop === 'empty') await this.pull();
		return stop;
	}

	/** Send pending ops in batches until the outbox is empty or the network, server or session says wait. */
	drain(): Promise<DrainStop> {
		const run = this.#drainOnce();
		this.#running = run;
		return run;
	}

	/** Resolves once the drain now under way (started by an enqueue, say) has finished. */
	async settled(): Promise<void> {
		while (this.#running) {
			const run = this.#running;
			await run.catch(() => undefined);
			if (this.#running === run) this.#running = null;
		}
		await this.#followUp;
	}

	async #drainOnce(): Promise<DrainStop> {
		if (this.#needsSignIn) return 'auth';
		const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
		if (locks) return locks.request(this.#opts.lockName, { ifAvailable: true }, (lock) => (lock ? this.#drainLocked() : 'busy'));
		if (this.#draining) return 'busy';
		this.#draining = true;
		try {
			return await this.#drainLocked();
		} finally {
			this.#draining = false;
		}
	}

	async #drainLocked(): Promise<DrainStop> {
		const { db } = this.#opts;
		try {
			for (;;) {
				const batch = await pendingOps(db, this.#batchSize);
				if (batch.length === 0) {
					this.#attempt = 0;
					this.#batchSize = this.#opts.batchSize ?? 50;
					return 'empty';
				}
				const stop = await this.#send(batch);
				if (stop) return stop;
			}
		} finally {
			await this.refresh();
		}
	}

	/** One POST; answers a reason to stop, or null to go on with the next batch. */
	async #send(batch: OutboxOp[]): Promise<DrainStop | null> {
		const { db } = this.#opts;
		let res: Response;
		try {
			res = await this.#fetch(this.#url('/api/sync'), {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				credentials: 'same-origin',
				body: JSON.stringify({ ops: batch.map(({ id, kind, at, payload }) => ({ id, kind, at, payload })) })
			});
		} catch {
			this.#offline = true;
			this.#scheduleRetry(null);
			return 'offline';
		}
		this.#offline = false;
		if (res.status === 401) {
			this.#needsSignIn = true;
			return 'auth';
		}
		if (res.status === 429 || res.status >= 500) {
			this.#scheduleRetry(retryAfterMs(res.headers.get('retry-after')));
			return 'retry';
		}
		if (!res.ok) {
			// A 4xx for the whole batch: find the culprit by sending one op at a time, and reject only it.
			if (batch.length > 1) {
				this.#batchSize = 1;
				return null;
			}
			await markRejected(db, batch[0].id, await errorMessage(res));
			return null;
		}
		const { results } = (await res.json()) as { results: OpResult[] };
		const answered = results.map((r) => r.id);
		if (!batch.every((op) => answered.includes(op.id))) {
			// A server that leaves ops unanswered is broken; resending at once would loop. Wait and retry.
			this.#scheduleRetry(null);
			return 'retry';
		}
		const done: string[] = [];
		for (const r of results) {
			if (r.status === 'rejected') await markRejected(db, r.id, r.error ?? '');
			else done.push(r.id);
		}
		await acknowledge(db, done);
		this.#attempt = 0;
		const now = Date.now();
		await db.kv.put({ key: LAST_SYNC_KEY, value: now });
		return null;
	}

	#scheduleRetry(afterMs: number | null): void {
		if (this.#timer) clearTimeout(this.#timer);
		const delay = afterMs ?? backoffDelay(this.#attempt, this.#opts.random);
		this.#attempt++;
		this.nextRetryMs = delay;
		this.#timer = setTimeout(() => {
			this.#timer = null;
			this.nextRetryMs = null;
			// A retry finishes what was cut short: the send, then the pull (a pull can fail on its own, just after coming online).
			this.#followUp = this.drain()
				.then((stop) => (stop === 'empty' ? this.pull() : null))
				.catch(() => null);
		}, delay);
	}

	/** Fetch what changed on the server since the last pull and hand it to the owner. */
	async pull(): Promise<PullResponse | null> {
		const { db } = this.#opts;
		const cursor = (await db.kv.get(CURSOR_KEY))?.value;
		let res: Response;
		try {
			const query = typeof cursor === 'string' ? `?since=${encodeURIComponent(cursor)}` : '';
			res = await this.#fetch(this.#url(`/api/sync${query}`), { credentials: 'same-origin' });
		} catch {
			this.#offline = true;
			this.#scheduleRetry(null);
			return null;
		}
		this.#offline = false;
		if (res.status === 401) {
			this.#needsSignIn = true;
			return null;
		}
		if (res.status === 429 || res.status >= 500) this.#scheduleRetry(retryAfterMs(res.headers.get('retry-after')));
		if (!res.ok) return null;
		const changes = (await res.json()) as PullResponse;
		await this.#opts.onPulled?.(changes);
		await db.kv.put({ key: CURSOR_KEY, value: changes.cursor });
		await db.kv.put({ key: LAST_SYNC_KEY, value: Date.now() });
		await this.refresh();
		return changes;
	}
}

async function errorMessage(res: Response): Promise<string> {
	try {
		const body = (await res.json()) as { message?: string };
		return body.message ?? `HTTP ${res.status}`;
	} catch {
		return `HTTP ${res.status}`;
	}
}
