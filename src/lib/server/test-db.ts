import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, openDatabase, type Db } from './db/client';

/** A real SQLite file in a temp folder, migrated; `dispose` removes it. For server unit tests. */
export function tempDatabase(): { db: Db; path: string; dispose: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'xianfeng-test-'));
	const path = join(dir, 'test.db');
	const db = openDatabase(path);
	return {
		db,
		path,
		dispose: () => {
			closeDatabase(db);
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
