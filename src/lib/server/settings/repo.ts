import { eq, gte, and } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { userSettings } from '../db/schema';
import type { MemberSettings, SettingsPayload } from '$lib/shared/sync-schemas';

export type SettingsRow = typeof userSettings.$inferSelect;

/** All SQL for members' own settings. */
export function settingsRepo(db: Db) {
	return {
		async get(userId: string): Promise<SettingsRow | undefined> {
			return db.select().from(userSettings).where(eq(userSettings.userId, userId)).get();
		},
		async changedSince(userId: string, since: number): Promise<SettingsRow | undefined> {
			return db
				.select()
				.from(userSettings)
				.where(and(eq(userSettings.userId, userId), gte(userSettings.updatedAt, since)))
				.get();
		}
	};
}

/**
 * Apply a settings change inside a sync transaction. Each field keeps the device time of its
 * last change, and an older change never overwrites a newer one from another device.
 */
export function writeSettingsInTx(tx: Tx, userId: string, patch: SettingsPayload, deviceAt: number, now: number): void {
	const current = tx.select().from(userSettings).where(eq(userSettings.userId, userId)).get();
	const row: SettingsRow = current ?? { userId, elderMode: false, elderModeAt: 0, locale: 'zh-CN', localeAt: 0, updatedAt: now };
	let changed = !current;
	if (patch.elderMode !== undefined && deviceAt >= row.elderModeAt) {
		row.elderMode = patch.elderMode;
		row.elderModeAt = deviceAt;
		changed = true;
	}
	if (patch.locale !== undefined && deviceAt >= row.localeAt) {
		row.locale = patch.locale;
		row.localeAt = deviceAt;
		changed = true;
	}
	if (!changed) return;
	row.updatedAt = now;
	tx.insert(userSettings).values(row).onConflictDoUpdate({ target: userSettings.userId, set: row }).run();
}

export function toMemberSettings(row: SettingsRow | undefined): MemberSettings {
	return { elderMode: row?.elderMode ?? false, locale: row?.locale === 'en' ? 'en' : 'zh-CN' };
}
