import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenOptions {
	/** Where the drizzle migrations live; defaults to `./drizzle` beside package.json. */
	migrationsFolder?: string;
}

/**
 * Open the SQLite file with the pragmas DESIGN.md fixes and bring its schema up to date.
 * synchronous=FULL: a phone deletes an op once we acknowledge it, so an acknowledged write must survive power loss.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	const db = drizzle(sqlite, { schema }) as Db;
	migrate(db, { migrationsFolder: options.migrationsFolder ?? resolve('drizzle') });
	return db;
}

export function closeDatabase(db: Db): void {
	db.$client.close();
}
