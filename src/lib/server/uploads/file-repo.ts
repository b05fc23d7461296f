import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { files } from '../db/schema';

export type FileRow = typeof files.$inferSelect;

/** All SQL for uploaded files' records. */
export function fileRepo(db: Db) {
	return {
		async insert(row: FileRow) {
			await db.insert(files).values(row).onConflictDoNothing().run();
		},
		async byHash(hash: string): Promise<FileRow | undefined> {
			return db.select().from(files).where(eq(files.hash, hash)).get();
		}
	};
}
