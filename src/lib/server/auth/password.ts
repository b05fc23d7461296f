import { hash, verify } from '@node-rs/argon2';

/** argon2id with the parameters DESIGN.md fixes (OWASP's minimum for argon2id). */
const PARAMS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, PARAMS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/** Compared against when the phone is unknown, so a miss costs as long as a hit and leaks nothing by timing. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
	dummyHash ??= hashPassword('xianfeng-dummy-password-0');
	return dummyHash;
}
