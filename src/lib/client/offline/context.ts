import { getContext, setContext } from 'svelte';
import { getLocale } from '$lib/paraglide/runtime';
import { XianfengDb } from './db';
import { MemberSettingsState, SETTINGS_KIND } from './member-settings.svelte';
import { SyncEngine } from './sync-engine.svelte';

/** The signed-in member's offline world: their IndexedDB, outbox engine and settings. */
export interface OfflineApp {
	userId: string;
	db: XianfengDb;
	sync: SyncEngine;
	settings: MemberSettingsState;
}

const KEY = Symbol('offline-app');

export function createOfflineApp(userId: string): OfflineApp {
	const db = new XianfengDb(userId);
	let settings: MemberSettingsState | undefined = undefined;
	const sync = new SyncEngine({
		db,
		lockName: `xianfeng-sync-${userId}`,
		onPulled: async (changes) => {
			const local = await db.outbox.filter((op) => op.kind === SETTINGS_KIND).count();
			settings?.applyRemote(changes.settings, local > 0);
		}
	});
	settings = new MemberSettingsState(sync, {
		elderMode: document.documentElement.classList.contains('elder'),
		locale: getLocale() === 'en' ? 'en' : 'zh-CN'
	});
	return { userId, db, sync, settings };
}

export function setOfflineApp(app: OfflineApp | null) {
	setContext(KEY, app);
}

/** The offline app of the signed-in member, or null on public pages. */
export function offlineApp(): OfflineApp | null {
	return getContext<OfflineApp | null>(KEY) ?? null;
}
