import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../test-db';
import { seedDemo, DEMO_PASSWORD } from '../db/seed/demo';
import { FAILURE_WINDOW_MS, loginThrottle, MAX_FAILURES, TokenBucket } from './rate-limit';
import { signIn } from './service';

let t: ReturnType<typeof tempDatabase>;
const T0 = Date.UTC(2026, 10, 1);

beforeEach(async () => {
	t = tempDatabase();
	await seedDemo(t.db, T0);
});
afterEach(() => t.dispose());

describe('sign-in', () => {
	it('signs in with the demo password', async () => {
		const r = await signIn(t.db, { phone: '138 0000 0002', password: DEMO_PASSWORD }, T0);
		expect(r.ok).toBe(true);
	});

	it('says the same thing for an unknown phone and a wrong password', async () => {
		const unknown = await signIn(t.db, { phone: '13912345678', password: DEMO_PASSWORD }, T0);
		const wrong = await signIn(t.db, { phone: '13800000002', password: 'wrong-password' }, T0);
		expect(unknown.ok || wrong.ok).toBe(false);
		expect(!unknown.ok && unknown.message).toBe(!wrong.ok && wrong.message);
	});

	it('explains a malformed phone number in Chinese', async () => {
		const r = await signIn(t.db, { phone: '1234', password: 'x' }, T0);
		expect(!r.ok && r.message).toBe('手机号应为 11 位中国大陆手机号码');
	});

	it('blocks an account after 10 failures in 15 minutes, even with the right password, then lets it in again', async () => {
		for (let i = 0; i < MAX_FAILURES; i++) await signIn(t.db, { phone: '13800000002', password: `bad${i}` }, T0 + i * 1000);
		const blocked = await signIn(t.db, { phone: '13800000002', password: DEMO_PASSWORD }, T0 + 60_000);
		expect(blocked.ok).toBe(false);
		expect(!blocked.ok && blocked.message).toMatch(/^尝试次数过多，请 \d+ 分钟后再试$/);
		// The first failure was a minute before, so the block lifts in 14 minutes.
		expect(!blocked.ok && blocked.message).toContain('请 14 分钟后再试');
		// Another account from the same people is not affected.
		expect((await signIn(t.db, { phone: '13800000001', password: DEMO_PASSWORD }, T0 + 60_000)).ok).toBe(true);
		const later = await signIn(t.db, { phone: '13800000002', password: DEMO_PASSWORD }, T0 + FAILURE_WINDOW_MS + 10_000);
		expect(later.ok).toBe(true);
	});

	it('forgets failures after a successful sign-in', async () => {
		for (let i = 0; i < MAX_FAILURES - 1; i++) await signIn(t.db, { phone: '13800000002', password: 'bad' }, T0);
		expect((await signIn(t.db, { phone: '13800000002', password: DEMO_PASSWORD }, T0)).ok).toBe(true);
		expect(await loginThrottle(t.db).count('13800000002')).toBe(0);
	});
});

describe('per-IP token bucket', () => {
	it('lets a burst of a whole branch through, then asks to wait, then refills', () => {
		const bucket = new TokenBucket(120, 0.5);
		for (let i = 0; i < 120; i++) expect(bucket.take('10.0.0.1', T0)).toBe(0);
		expect(bucket.take('10.0.0.1', T0)).toBeGreaterThan(0);
		expect(bucket.take('10.0.0.2', T0)).toBe(0);
		expect(bucket.take('10.0.0.1', T0 + 2000)).toBe(0);
	});
});

describe('housekeeping', () => {
	it('prunes failures older than the window and keeps recent ones', async () => {
		const throttle = loginThrottle(t.db);
		await throttle.recordFailure('13800000005', T0);
		await throttle.recordFailure('13800000006', T0 + FAILURE_WINDOW_MS);
		await throttle.prune(T0 + FAILURE_WINDOW_MS + 1);
		expect(await throttle.count('13800000005')).toBe(0);
		expect(await throttle.count('13800000006')).toBe(1);
	});
});
