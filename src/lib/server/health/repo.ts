import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

/** One round trip to SQLite: the database answers and its schema is readable. */
export async function databaseAnswers(db: Db): Promise<boolean> {
	try {
		const row = await db.get<{ ok: number }>(sql`select count(*) as ok from org_units`);
		return typeof row?.ok === 'number';
	} catch {
		return false;
	}
}
