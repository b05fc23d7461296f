import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../test-db';
import { seedDemo } from '../db/seed/demo';
import { peopleRepo } from '../people/repo';
import { ACTIVITY_CHECK_MS, createSession, INACTIVITY_MS, invalidateSession, invalidateUserSessions, needsSudo, SUDO_MS, validateSessionToken } from './session';
import { sessions } from '../db/schema';
import { sessionRepo } from './session-repo';
import type { Db } from '../db/client';

let t: ReturnType<typeof tempDatabase>;
let db: Db;
let memberId: string;
const T0 = Date.UTC(2026, 10, 1);

beforeEach(async () => {
	t = tempDatabase();
	db = t.db;
	await seedDemo(db, T0);
	memberId = (await peopleRepo(db).userByPhone('13800000002'))!.id;
});
afterEach(() => t.dispose());

describe('sessions', () => {
	it('creates a token of an id and a secret of at least 128 bits, and stores only a hash', async () => {
		const { token } = await createSession(db, memberId, T0);
		const [id, secret] = token.split('.');
		expect(Buffer.from(secret, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
		const row = db.select().from(sessions).all()[0];
		expect(row.id).toBe(id);
		expect(row.secretHash.toString('utf8')).not.toContain(secret);
		expect(row.secretHash.length).toBe(32);
	});

	it('validates the right token and gives the user and their scope', async () => {
		const { token } = await createSession(db, memberId, T0);
		const valid = await validateSessionToken(db, token, T0 + 1000);
		expect(valid?.user.phone).toBe('13800000002');
		expect(valid?.user.branchName).toBe('机关第一党支部');
		expect(valid?.actor.secretaryOf).toBeNull();
	});

	it('refuses a token whose secret was changed', async () => {
		const { token } = await createSession(db, memberId, T0);
		const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
		expect(await validateSessionToken(db, tampered, T0)).toBeNull();
		expect(await validateSessionToken(db, 'no-dot', T0)).toBeNull();
		expect(await validateSessionToken(db, `${token}.extra`, T0)).toBeNull();
	});

	it('slides: use within 30 days keeps the session alive past the first 30 days', async () => {
		const { token } = await createSession(db, memberId, T0);
		const day = 24 * 60 * 60 * 1000;
		const mid = await validateSessionToken(db, token, T0 + 20 * day);
		expect(mid?.session.expiresAt).toBe(T0 + 20 * day + INACTIVITY_MS);
		expect(await validateSessionToken(db, token, T0 + 45 * day)).not.toBeNull();
	});

	it('does not write on every request, only once the activity interval has passed', async () => {
		const { token } = await createSession(db, memberId, T0);
		expect((await validateSessionToken(db, token, T0 + ACTIVITY_CHECK_MS - 1))?.slid).toBe(false);
		expect(db.select().from(sessions).get()?.lastVerifiedAt).toBe(T0);
		expect((await validateSessionToken(db, token, T0 + ACTIVITY_CHECK_MS))?.slid).toBe(true);
		expect(db.select().from(sessions).get()?.lastVerifiedAt).toBe(T0 + ACTIVITY_CHECK_MS);
	});

	it('expires after 30 days without use and deletes the row', async () => {
		const { token } = await createSession(db, memberId, T0);
		expect(await validateSessionToken(db, token, T0 + INACTIVITY_MS)).toBeNull();
		expect(db.select().from(sessions).all()).toHaveLength(0);
	});

	it('ends on logout, and all of a user’s sessions end together', async () => {
		const a = await createSession(db, memberId, T0);
		const b = await createSession(db, memberId, T0);
		await invalidateSession(db, a.token.split('.')[0]);
		expect(await validateSessionToken(db, a.token, T0)).toBeNull();
		expect(await validateSessionToken(db, b.token, T0)).not.toBeNull();
		await invalidateUserSessions(db, memberId);
		expect(await validateSessionToken(db, b.token, T0)).toBeNull();
	});

	it('ends when the account is deactivated', async () => {
		const { token } = await createSession(db, memberId, T0);
		await peopleRepo(db).updateUser(memberId, { active: false });
		expect(await validateSessionToken(db, token, T0)).toBeNull();
	});

	it('lets housekeeping delete sessions idle past their lifetime, and only those', async () => {
		const old = await createSession(db, memberId, T0);
		const fresh = await createSession(db, memberId, T0 + INACTIVITY_MS);
		await sessionRepo(db).deleteIdleBefore(T0 + INACTIVITY_MS);
		expect(await validateSessionToken(db, old.token, T0 + 1)).toBeNull();
		expect(await validateSessionToken(db, fresh.token, T0 + INACTIVITY_MS)).not.toBeNull();
	});

	it('asks for the password again after 12 hours (sudo mode)', () => {
		expect(needsSudo({ passwordAt: T0 }, T0 + SUDO_MS)).toBe(false);
		expect(needsSudo({ passwordAt: T0 }, T0 + SUDO_MS + 1)).toBe(true);
	});
});
