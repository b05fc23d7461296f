import { getContext, onMount, setContext } from 'svelte';
import { browser } from '$app/environment';
import { getLocale } from '$lib/paraglide/runtime';
import { XianfengDb } from './db';
import { MemberPointsState } from './member-points.svelte';
import { MemberSettingsState, SETTINGS_KIND } from './member-settings.svelte';
import { SyncEngine } from './sync-engine.svelte';

/** The signed-in member's offline world: their IndexedDB, outbox engine and settings. */
export interface OfflineApp {
	userId: string;
	db: XianfengDb;
	sync: SyncEngine;
	settings: MemberSettingsState;
	points: MemberPointsState;
}

const KEY = Symbol('offline-app');

export function createOfflineApp(userId: string): OfflineApp {
	const db = new XianfengDb(userId);
	let settings: MemberSettingsState | undefined = undefined;
	const points = new MemberPointsState(db);
	const sync = new SyncEngine({
		db,
		lockName: `xianfeng-sync-${userId}`,
		onPulled: async (changes) => {
			const local = await db.outbox.filter((op) => op.kind === SETTINGS_KIND).count();
			settings?.applyRemote(changes.settings, local > 0);
			await points.remember(changes.points);
		}
	});
	settings = new MemberSettingsState(sync, {
		elderMode: document.documentElement.classList.contains('elder'),
		locale: getLocale() === 'en' ? 'en' : 'zh-CN'
	});
	return { userId, db, sync, settings, points };
}

let shared: OfflineApp | null = null;
let mounted = 0;

/**
 * Give the pages below this component the signed-in member's offline app, and keep its sync running
 * while any of them is open. Only the layouts that need it call this (the member tabs, management,
 * sign-out), so a page outside them — the contest player's phone page — loads none of IndexedDB's code.
 * One app per tab: moving between layouts keeps the same outbox and the same sync loop.
 */
export function provideOfflineApp(userId: string | null | undefined): OfflineApp | null {
	if (browser && userId && shared?.userId !== userId) shared = createOfflineApp(userId);
	const app = browser && userId ? shared : null;
	setContext(KEY, app);
	onMount(() => {
		if (!app) return;
		if (mounted++ === 0) app.sync.start();
		return () => {
			if (--mounted === 0) app.sync.stop();
		};
	});
	return app;
}

/** The offline app of the signed-in member, or null on public pages. */
export function offlineApp(): OfflineApp | null {
	return getContext<OfflineApp | null>(KEY) ?? null;
}
