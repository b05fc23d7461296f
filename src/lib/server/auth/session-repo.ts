import { eq, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/client';
import { preparedFor } from '../db/prepared';
import { orgUnits, sessions, users } from '../db/schema';

const secretaryUnit = alias(orgUnits, 'secretary_unit');
const adminUnit = alias(orgUnits, 'admin_unit');

/** Every request validates its session: one prepared query brings the user and the paths of their roles. */
const statements = preparedFor((db) => ({
	withUser: db
		.select({
			session: sessions,
			user: users,
			branchPath: orgUnits.path,
			branchName: orgUnits.name,
			secretaryPath: secretaryUnit.path,
			adminPath: adminUnit.path
		})
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		.innerJoin(orgUnits, eq(users.branchId, orgUnits.id))
		.leftJoin(secretaryUnit, eq(users.secretaryOf, secretaryUnit.id))
		.leftJoin(adminUnit, eq(users.adminOf, adminUnit.id))
		.where(eq(sessions.id, sql.placeholder('id')))
		.prepare()
}));

export type SessionRow = typeof sessions.$inferSelect;

/** All SQL for sessions. */
export function sessionRepo(db: Db) {
	return {
		async insert(row: SessionRow) {
			await db.insert(sessions).values(row);
		},
		async withUser(id: string) {
			return statements(db).withUser.get({ id });
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
