import { and, eq, gte } from 'drizzle-orm';
import type { Db } from '../db/client';
import { preparedFor } from '../db/prepared';
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

/** Plain prepared statements for the sync hot path (see sync/repo.ts). */
const statements = preparedFor((db) => {
	const c = db.$client;
	const get = c.prepare<[string], { elder_mode: number; elder_mode_at: number; locale: string; locale_at: number }>(
		'SELECT elder_mode, elder_mode_at, locale, locale_at FROM user_settings WHERE user_id = ?'
	);
	const upsert = c.prepare(
		`INSERT INTO user_settings (user_id, elder_mode, elder_mode_at, locale, locale_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
		 ON CONFLICT (user_id) DO UPDATE SET elder_mode = excluded.elder_mode, elder_mode_at = excluded.elder_mode_at,
		 locale = excluded.locale, locale_at = excluded.locale_at, updated_at = excluded.updated_at`
	);
	return {
		get: (userId: string): SettingsRow | undefined => {
			const r = get.get(userId);
			return r && { userId, elderMode: r.elder_mode === 1, elderModeAt: r.elder_mode_at, locale: r.locale, localeAt: r.locale_at, updatedAt: 0 };
		},
		upsert: (r: SettingsRow) => upsert.run(r.userId, r.elderMode ? 1 : 0, r.elderModeAt, r.locale, r.localeAt, r.updatedAt)
	};
});

/**
 * Apply a settings change; call it inside a sync batch's transaction. Each field keeps the device
 * time of its last change, and an older change never overwrites a newer one from another device.
 */
export function writeSettings(db: Db, userId: string, patch: SettingsPayload, deviceAt: number, now: number): void {
	const s = statements(db);
	const current = s.get(userId);
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
	s.upsert(row);
}

export function toMemberSettings(row: SettingsRow | undefined): MemberSettings {
	return { elderMode: row?.elderMode ?? false, locale: row?.locale === 'en' ? 'en' : 'zh-CN' };
}
