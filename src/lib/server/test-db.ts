import { afterEach, beforeEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, openDatabase, type Db } from './db/client';
import { signIn } from './auth/service';
import { validateSessionToken } from './auth/session';
import { DEMO_PASSWORD, seedDemo } from './db/seed/demo';
import { pushOps } from './sync/service';
import { uuidv7 } from '$lib/shared/id';
import type { Actor } from '$lib/shared/roles';

/** A real SQLite file in a temp folder, migrated; `dispose` removes it. For server unit tests. */
export function tempDatabase(): { db: Db; path: string; dispose: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'xianfeng-test-'));
	const path = join(dir, 'test.db');
	const db = openDatabase(path);
	return {
		db,
		path,
		dispose: () => {
			closeDatabase(db);
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** The policy's view of a demo account, reached through a real sign-in. */
export async function demoActor(db: Db, phone: string, now = Date.now()): Promise<Actor> {
	const r = await signIn(db, { phone, password: DEMO_PASSWORD }, now);
	if (!r.ok) throw new Error(r.message);
	return (await validateSessionToken(db, r.token, now))!.actor;
}

/**
 * A fresh demo database (real SQLite file, seeded at `now`) for every test of the calling file:
 * `const demo = withDemoDatabase(T0)`, then `demo.db` inside tests.
 */
export function withDemoDatabase(now: number): { readonly db: Db } {
	let current: ReturnType<typeof tempDatabase> | null = null;
	beforeEach(async () => {
		current = tempDatabase();
		await seedDemo(current.db, now);
	});
	afterEach(() => current?.dispose());
	return {
		get db() {
			if (!current) throw new Error('withDemoDatabase: used outside a test');
			return current.db;
		}
	};
}

/** Send one outbox op through /api/sync's service, as a phone would, at `at`; its result. */
export async function pushOne(db: Db, actor: Actor, kind: string, payload: unknown, at: number, id = uuidv7(at)) {
	const r = await pushOps(db, actor, { ops: [{ id, kind, at, payload }] }, at);
	if (!r.ok) throw new Error(r.message);
	return r.results[0];
}

/** The HTTP status a service call ends with: 200, or the status of the error it throws (500 for anything else). */
export const statusOf = async (p: Promise<unknown>) =>
	p.then(
		() => 200,
		(e: { status?: number }) => e.status ?? 500
	);
