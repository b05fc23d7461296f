import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { notices, users } from '../db/schema';

export type NoticeRow = typeof notices.$inferSelect;

/** All SQL for in-app notices. */
export function noticeRepo(db: Db) {
	return {
		async insertMany(rows: (typeof notices.$inferInsert)[]) {
			if (rows.length) await db.insert(notices).values(rows).run();
		},
		/** Unread notices of one member, newest first, with who sent them. */
		async unread(userId: string) {
			return db
				.select({ id: notices.id, body: notices.body, link: notices.link, createdAt: notices.createdAt, from: users.name })
				.from(notices)
				.leftJoin(users, eq(users.id, notices.fromUserId))
				.where(and(eq(notices.userId, userId), isNull(notices.readAt)))
				.orderBy(desc(notices.createdAt))
				.all();
		},
		async markRead(userId: string, ids: string[], now: number) {
			if (!ids.length) return;
			await db
				.update(notices)
				.set({ readAt: now })
				.where(and(eq(notices.userId, userId), inArray(notices.id, ids), isNull(notices.readAt)))
				.run();
		}
	};
}
