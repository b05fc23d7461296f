import type { Db } from '../db/client';
import { noticeRepo } from './repo';
import { uuidv7 } from '$lib/shared/id';
import type { Actor } from '$lib/shared/roles';

/** Send the same in-app notice to several members (a secretary's reminder). Callers check permission first. */
export async function sendNotices(db: Db, from: Actor, userIds: string[], body: string, link: string | null, now = Date.now()): Promise<number> {
	await noticeRepo(db).insertMany(userIds.map((userId) => ({ id: uuidv7(now), userId, fromUserId: from.userId, body, link, createdAt: now })));
	return userIds.length;
}

export function unreadNotices(db: Db, actor: Actor) {
	return noticeRepo(db).unread(actor.userId);
}

/** A member marks their own notices read; ids of other people's notices change nothing. */
export function markNoticesRead(db: Db, actor: Actor, ids: string[], now = Date.now()) {
	return noticeRepo(db).markRead(actor.userId, ids, now);
}
