import type { Db } from './client';

/**
 * Prepared statements, made once per database. Building a Drizzle query costs tens of microseconds;
 * the sync hot path runs a few per op, so its statements are prepared ahead and reused.
 */
export function preparedFor<T>(make: (db: Db) => T): (db: Db) => T {
	const cache = new WeakMap<Db, T>();
	return (db) => {
		let statements = cache.get(db);
		if (!statements) {
			statements = make(db);
			cache.set(db, statements);
		}
		return statements;
	};
}
