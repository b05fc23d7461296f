import { config } from '../config';
import { openDatabase, type Db } from './client';
import { peopleRepo } from '../people/repo';
import { INACTIVITY_MS } from '../auth/session';
import { sessionRepo } from '../auth/session-repo';
import { loginThrottle } from '../auth/rate-limit';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from './seed/demo';

let instance: Db | null = null;

/** The process's database, opened and migrated once by the `init` hook. */
export function database(): Db {
	if (!instance) throw new Error('database() called before initDatabase()');
	return instance;
}

export async function initDatabase(): Promise<Db> {
	if (instance) return instance;
	const db = openDatabase(config.databasePath);
	instance = db;
	const repo = peopleRepo(db);
	// Housekeeping at start: sessions idle past their lifetime and failed sign-ins past the throttle window.
	const now = Date.now();
	await sessionRepo(db).deleteIdleBefore(now - INACTIVITY_MS);
	await loginThrottle(db).prune(now);
	if (config.seed === 'demo' && (await repo.countOrgUnits()) === 0) {
		await seedDemo(db, now, config.uploadsDir);
		console.log('[xianfeng] 已写入演示组织「示范党委」');
	}
	if (await repo.hasDemoOrganisation()) {
		console.log(`[xianfeng] 演示账号（密码均为 ${DEMO_PASSWORD}）：`);
		for (const l of DEMO_LOGINS) console.log(`  ${l.phone}  ${l.name}  ${l.label}`);
	} else if ((await repo.countOrgUnits()) === 0) {
		console.log('[xianfeng] 数据库为空。创建第一位管理员：npm run admin -- create --phone 139… --name 张三');
	}
	return db;
}
