import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../src/lib/server/db/client';
import { signIn } from '../src/lib/server/auth/service';
import { peopleRepo } from '../src/lib/server/people/repo';

let dir: string;
let dbPath: string;
const admin = (args: string[], stdin: string) =>
	spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/admin.ts', ...args], {
		input: stdin,
		encoding: 'utf8',
		env: { ...process.env, DATABASE_PATH: dbPath }
	});

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'xianfeng-admin-'));
	dbPath = join(dir, 'x.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Each case starts the CLI through tsx (about a second each), so these get more time than the default.
describe('npm run admin -- create', { timeout: 30_000 }, () => {
	it('creates the first admin on an empty database, with the password from stdin, who can then sign in', async () => {
		const r = admin(['create', '--phone', '13912345678', '--name', '张三', '--org', '某某党委'], 'strongpass1\n');
		expect(r.stderr).toBe('');
		expect(r.stdout).toContain('已创建管理员 张三');
		const db = openDatabase(dbPath);
		try {
			const user = await peopleRepo(db).userByPhone('13912345678');
			expect(user?.adminOf).not.toBeNull();
			expect((await peopleRepo(db).orgUnit(user!.adminOf!))?.name).toBe('某某党委');
			expect((await signIn(db, { phone: '13912345678', password: 'strongpass1' })).ok).toBe(true);
		} finally {
			closeDatabase(db);
		}
	});

	it('refuses a weak password, a bad phone and a phone already taken, with a message and exit code 2', () => {
		expect(admin(['create', '--phone', '13912345678', '--name', '张三'], 'short\n')).toMatchObject({ status: 2, stderr: expect.stringContaining('密码至少 8 位') });
		expect(admin(['create', '--phone', '139', '--name', '张三'], 'strongpass1\n')).toMatchObject({ status: 2, stderr: expect.stringContaining('11 位') });
		admin(['create', '--phone', '13912345678', '--name', '张三'], 'strongpass1\n');
		expect(admin(['create', '--phone', '13912345678', '--name', '李四'], 'strongpass1\n')).toMatchObject({ status: 2, stderr: expect.stringContaining('已有账号') });
	});

	it('has no way to pass the password on the command line', () => {
		const r = admin(['create', '--phone', '13912345678', '--name', '张三', '--password', 'strongpass1'], '');
		expect(r.status).not.toBe(0);
		expect(r.stderr).toContain("Unknown option '--password'");
	});
});
