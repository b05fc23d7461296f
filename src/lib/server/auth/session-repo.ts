import { eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { orgUnits, sessions, users } from '../db/schema';

export type SessionRow = typeof sessions.$inferSelect;

/** All SQL for sessions. */
export function sessionRepo(db: Db) {
	return {
		async insert(row: SessionRow) {
			await db.insert(sessions).values(row);
		},
		async withUser(id: string) {
			return db
				.select({ session: sessions, user: users, branchPath: orgUnits.path, branchName: orgUnits.name })
				.from(sessions)
				.innerJoin(users, eq(sessions.userId, users.id))
				.innerJoin(orgUnits, eq(users.branchId, orgUnits.id))
				.where(eq(sessions.id, id))
				.get();
		},
		async touch(id: string, at: number) {
			await db.update(sessions).set({ lastVerifiedAt: at }).where(eq(sessions.id, id));
		},
		async markPassword(id: string, at: number) {
			await db.update(sessions).set({ passwordAt: at, lastVerifiedAt: at }).where(eq(sessions.id, id));
		},
		async delete(id: string) {
			await db.delete(sessions).where(eq(sessions.id, id));
		},
		async deleteForUser(userId: string) {
			await db.delete(sessions).where(eq(sessions.userId, userId));
		},
		async deleteIdleBefore(at: number) {
			await db.delete(sessions).where(lt(sessions.lastVerifiedAt, at));
		}
	};
}
