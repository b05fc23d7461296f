import type { Db } from './client';
import { preparedFor } from './prepared';

/**
 * Group commit for request writes: every write queued in the same turn of the event loop runs in
 * one transaction (one fsync under synchronous=FULL), each in its own savepoint so one failure
 * undoes only itself. The promise settles after the commit, so nothing is acknowledged early.
 * Writes must be synchronous (better-sqlite3 statements).
 */
interface Job {
	write: () => unknown;
	resolve: (value: unknown) => void;
	reject: (error: unknown) => void;
}

const queues = new WeakMap<Db, Job[]>();
const savepoints = preparedFor((db) => ({
	begin: db.$client.prepare('SAVEPOINT group_write'),
	release: db.$client.prepare('RELEASE group_write'),
	rollback: db.$client.prepare('ROLLBACK TO group_write')
}));

/**
 * `windowMs`: how long the first write of a group waits for others (0: the end of this turn of the
 * event loop). A window of a few milliseconds turns a thousand answers a second into a few dozen
 * commits, each an fsync that holds the event loop.
 */
export function commitSoon<T>(db: Db, write: () => T, windowMs = 0): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		let queue = queues.get(db);
		if (!queue) {
			queue = [];
			queues.set(db, queue);
			if (windowMs > 0) setTimeout(() => flush(db), windowMs);
			else setImmediate(() => flush(db));
		}
		queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
	});
}

function flush(db: Db): void {
	const jobs = queues.get(db) ?? [];
	queues.delete(db);
	const s = savepoints(db);
	const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
	try {
		db.$client.transaction(() => {
			for (const job of jobs) {
				s.begin.run();
				try {
					outcomes.push({ ok: true, value: job.write() });
					s.release.run();
				} catch (error) {
					s.rollback.run();
					s.release.run();
					outcomes.push({ ok: false, error });
				}
			}
		})();
	} catch (error) {
		for (const job of jobs) job.reject(error);
		return;
	}
	jobs.forEach((job, i) => {
		const o = outcomes[i];
		if (o.ok) job.resolve(o.value);
		else job.reject(o.error);
	});
}
