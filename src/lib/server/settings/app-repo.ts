import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { appSettings } from '../db/schema';

/** All SQL for organisation-wide settings (JSON values by key). */
export function appSettingsRepo(db: Db) {
	return {
		async get<T>(key: string, fallback: T): Promise<T> {
			const row = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key)).get();
			return row ? (JSON.parse(row.value) as T) : fallback;
		},
		async set(key: string, value: unknown, by: string | null, now: number): Promise<void> {
			const json = JSON.stringify(value);
			await db
				.insert(appSettings)
				.values({ key, value: json, updatedBy: by, updatedAt: now })
				.onConflictDoUpdate({ target: appSettings.key, set: { value: json, updatedBy: by, updatedAt: now } })
				.run();
		}
	};
}
