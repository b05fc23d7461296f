import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
	it('uses argon2id with the DESIGN.md parameters and verifies only the right password', async () => {
		const hash = await hashPassword('红旗123abc');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(hash, '红旗123abc')).toBe(true);
		expect(await verifyPassword(hash, '红旗123abd')).toBe(false);
	});
	it('salts: the same password hashes differently twice', async () => {
		expect(await hashPassword('xianfeng123')).not.toBe(await hashPassword('xianfeng123'));
	});
	it('treats a broken stored hash as a wrong password, not a crash', async () => {
		expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
	});
});
