import * as v from 'valibot';
import type { Db } from '../db/client';
import { peopleRepo } from '../people/repo';
import { m } from '$lib/paraglide/messages';
import { firstIssue, loginSchema, newPasswordSchema } from '$lib/shared/schemas';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { loginThrottle } from './rate-limit';
import { createSession, invalidateUserSessions, recordPasswordEntry } from './session';

export type SignInResult =
	| { ok: true; token: string; expiresAt: number; mustChangePassword: boolean; userId: string }
	| { ok: false; message: string; phone: string };

/** Sign in by phone and password. An unknown phone and a wrong password get the same message and cost the same time. */
export async function signIn(db: Db, input: Record<string, unknown>, now = Date.now()): Promise<SignInResult> {
	const parsed = v.safeParse(loginSchema, input);
	const rawPhone = typeof input.phone === 'string' ? input.phone : '';
	if (!parsed.success) return { ok: false, message: firstIssue(parsed.issues), phone: rawPhone };
	const { phone, password } = parsed.output;

	const throttle = loginThrottle(db);
	const waitMs = await throttle.blockedFor(phone, now);
	if (waitMs > 0) return { ok: false, message: m.err_login_throttled({ minutes: Math.ceil(waitMs / 60000) }), phone };

	const user = await peopleRepo(db).userByPhone(phone);
	const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
	if (!user || !valid || !user.active) {
		await throttle.recordFailure(phone, now);
		return { ok: false, message: m.err_login_failed(), phone };
	}
	await throttle.clear(phone);
	const { token, expiresAt } = await createSession(db, user.id, now);
	return { ok: true, token, expiresAt, mustChangePassword: user.mustChangePassword, userId: user.id };
}

export type PasswordResult = { ok: true; token: string; expiresAt: number } | { ok: false; message: string; field: 'current' | 'password' | 'confirm' };

/**
 * Change one's own password. On a forced change (first sign-in, after a reset) the current
 * password was just typed at sign-in, so it is not asked again. Every session of the user ends and this device gets a fresh one.
 */
export async function changeOwnPassword(
	db: Db,
	who: { userId: string; sessionId: string; forced: boolean },
	input: { current?: string; password?: string; confirm?: string },
	now = Date.now()
): Promise<PasswordResult> {
	const repo = peopleRepo(db);
	const user = await repo.userById(who.userId);
	if (!user) return { ok: false, message: m.err_invalid(), field: 'password' };
	if (!who.forced && !(await verifyPassword(user.passwordHash, input.current ?? ''))) {
		return { ok: false, message: m.err_current_password(), field: 'current' };
	}
	const parsed = v.safeParse(newPasswordSchema, input.password ?? '');
	if (!parsed.success) return { ok: false, message: firstIssue(parsed.issues), field: 'password' };
	if (parsed.output !== input.confirm) return { ok: false, message: m.err_password_mismatch(), field: 'confirm' };
	if (await verifyPassword(user.passwordHash, parsed.output)) return { ok: false, message: m.err_password_same(), field: 'password' };

	await repo.updateUser(user.id, { passwordHash: await hashPassword(parsed.output), mustChangePassword: false, updatedAt: now });
	await invalidateUserSessions(db, user.id);
	return { ok: true, ...(await createSession(db, user.id, now)) };
}

/** Sudo mode: type the password again to open management pages. */
export async function confirmPassword(db: Db, who: { userId: string; sessionId: string }, password: string, now = Date.now()) {
	const user = await peopleRepo(db).userById(who.userId);
	const throttle = loginThrottle(db);
	if (!user) return { ok: false as const, message: m.err_invalid() };
	const waitMs = await throttle.blockedFor(user.phone, now);
	if (waitMs > 0) return { ok: false as const, message: m.err_login_throttled({ minutes: Math.ceil(waitMs / 60000) }) };
	if (!(await verifyPassword(user.passwordHash, password))) {
		await throttle.recordFailure(user.phone, now);
		return { ok: false as const, message: m.err_current_password() };
	}
	await recordPasswordEntry(db, who.sessionId, now);
	return { ok: true as const };
}
