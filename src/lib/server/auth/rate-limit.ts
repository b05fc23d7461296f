import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { loginFailures } from '../db/schema';

/**
 * A token bucket per key (an IP address). Process memory is enough: it guards this process,
 * and a restart that empties it costs an attacker nothing the per-account throttle does not still stop.
 */
export class TokenBucket {
	readonly #buckets = new Map<string, { tokens: number; at: number }>();
	constructor(
		readonly capacity: number,
		readonly refillPerSecond: number
	) {}

	/** Take one token; answers the seconds to wait when the bucket is empty, else 0. */
	take(key: string, now = Date.now()): number {
		const b = this.#buckets.get(key) ?? { tokens: this.capacity, at: now };
		b.tokens = Math.min(this.capacity, b.tokens + ((now - b.at) / 1000) * this.refillPerSecond);
		b.at = now;
		if (b.tokens < 1) {
			this.#buckets.set(key, b);
			return Math.ceil((1 - b.tokens) / this.refillPerSecond);
		}
		b.tokens -= 1;
		if (b.tokens >= this.capacity - 1e-9) this.#buckets.delete(key);
		else this.#buckets.set(key, b);
		if (this.#buckets.size > 50_000) this.#sweep(now);
		return 0;
	}

	#sweep(now: number) {
		for (const [k, b] of this.#buckets) {
			if (b.tokens + ((now - b.at) / 1000) * this.refillPerSecond >= this.capacity) this.#buckets.delete(k);
		}
	}
}

export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES = 10;

/** Per-account throttle: at most 10 failed sign-ins per phone number in 15 minutes. Kept in SQLite so a restart does not reset it. */
export function loginThrottle(db: Db) {
	return {
		/** Milliseconds until the next attempt is allowed, or 0. */
		async blockedFor(phone: string, now = Date.now()): Promise<number> {
			const since = now - FAILURE_WINDOW_MS;
			const rows = await db
				.select({ at: loginFailures.at })
				.from(loginFailures)
				.where(and(eq(loginFailures.phone, phone), gte(loginFailures.at, since)))
				.orderBy(asc(loginFailures.at))
				.all();
			if (rows.length < MAX_FAILURES) return 0;
			// The block lifts when enough failures have aged out of the window to leave room for one more.
			const lifting = rows[rows.length - MAX_FAILURES];
			return Math.max(0, lifting.at + FAILURE_WINDOW_MS - now);
		},
		async recordFailure(phone: string, now = Date.now()) {
			await db.insert(loginFailures).values({ phone, at: now });
			await db.delete(loginFailures).where(and(eq(loginFailures.phone, phone), lt(loginFailures.at, now - FAILURE_WINDOW_MS)));
		},
		/** Forget failures that no longer count for anyone. */
		async prune(now = Date.now()) {
			await db.delete(loginFailures).where(lt(loginFailures.at, now - FAILURE_WINDOW_MS));
		},
		async clear(phone: string) {
			await db.delete(loginFailures).where(eq(loginFailures.phone, phone));
		},
		async count(phone: string): Promise<number> {
			const row = await db.select({ n: sql<number>`count(*)` }).from(loginFailures).where(eq(loginFailures.phone, phone)).get();
			return row?.n ?? 0;
		}
	};
}
