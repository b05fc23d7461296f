import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/client';
import type { Actor } from '$lib/shared/roles';
import { sessionRepo } from './session-repo';

/** Members go offline for days: a session lives until 30 days without use. */
export const INACTIVITY_MS = 30 * 24 * 60 * 60 * 1000;
/** Writing `last_verified_at` on every request is waste; once an hour keeps the sliding window accurate enough. */
export const ACTIVITY_CHECK_MS = 60 * 60 * 1000;
/** Management pages ask for the password again when it was last typed longer ago than this. */
export const SUDO_MS = 12 * 60 * 60 * 1000;
export const SESSION_COOKIE = 'session';

export interface SessionUser {
	id: string;
	name: string;
	phone: string;
	branchId: string;
	branchName: string;
	groupId: string | null;
	retired: boolean;
	activist: boolean;
	mustChangePassword: boolean;
}

export interface ValidSession {
	id: string;
	userId: string;
	lastVerifiedAt: number;
	passwordAt: number;
	expiresAt: number;
}

const randomToken = (bytes: number) => encodeBase64urlNoPadding(randomBytes(bytes));
const hashSecret = (secret: string) => createHash('sha256').update(secret).digest();

/** Token `id.secret`: a 128-bit id to look the row up by, a 256-bit secret of which only the SHA-256 is stored. */
export async function createSession(db: Db, userId: string, now = Date.now()) {
	const id = randomToken(16);
	const secret = randomToken(32);
	await sessionRepo(db).insert({ id, userId, secretHash: hashSecret(secret), createdAt: now, lastVerifiedAt: now, passwordAt: now });
	return { token: `${id}.${secret}`, expiresAt: now + INACTIVITY_MS };
}

export async function validateSessionToken(
	db: Db,
	token: string,
	now = Date.now()
): Promise<{ session: ValidSession; user: SessionUser; actor: Actor; slid: boolean } | null> {
	const parts = token.split('.');
	if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
	const [id, secret] = parts;
	const repo = sessionRepo(db);
	const row = await repo.withUser(id);
	if (!row) return null;

	const expected = row.session.secretHash;
	const given = hashSecret(secret);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;

	if (now - row.session.lastVerifiedAt >= INACTIVITY_MS || !row.user.active) {
		await repo.delete(id);
		return null;
	}
	let lastVerifiedAt = row.session.lastVerifiedAt;
	const slid = now - lastVerifiedAt >= ACTIVITY_CHECK_MS;
	if (slid) {
		lastVerifiedAt = now;
		await repo.touch(id, now);
	}

	const u = row.user;

	return {
		slid,
		session: { id, userId: u.id, lastVerifiedAt, passwordAt: row.session.passwordAt, expiresAt: lastVerifiedAt + INACTIVITY_MS },
		user: {
			id: u.id,
			name: u.name,
			phone: u.phone,
			branchId: u.branchId,
			branchName: row.branchName,
			groupId: u.groupId,
			retired: u.retired,
			activist: u.activist,
			mustChangePassword: u.mustChangePassword
		},
		actor: {
			userId: u.id,
			branchId: u.branchId,
			branchPath: row.branchPath,
			groupId: u.groupId,
			secretaryOf: u.secretaryOf && row.secretaryPath ? { id: u.secretaryOf, path: row.secretaryPath } : null,
			adminOf: u.adminOf && row.adminPath ? { id: u.adminOf, path: row.adminPath } : null
		}
	};
}

export async function invalidateSession(db: Db, id: string) {
	await sessionRepo(db).delete(id);
}

export async function invalidateUserSessions(db: Db, userId: string) {
	await sessionRepo(db).deleteForUser(userId);
}

export async function recordPasswordEntry(db: Db, sessionId: string, now = Date.now()) {
	await sessionRepo(db).markPassword(sessionId, now);
}

export function needsSudo(session: Pick<ValidSession, 'passwordAt'>, now = Date.now()): boolean {
	return now - session.passwordAt > SUDO_MS;
}
