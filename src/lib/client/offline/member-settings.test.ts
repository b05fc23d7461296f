import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XianfengDb, deleteUserDb } from './db';
import { MemberSettingsState } from './member-settings.svelte';
import { SyncEngine } from './sync-engine.svelte';
import { scriptedServer } from './test-server';

let server: Awaited<ReturnType<typeof scriptedServer>>;
let db: XianfengDb;
let reloads = 0;
let settings: MemberSettingsState;
let engine: SyncEngine;

beforeEach(async () => {
	server = await scriptedServer();
	db = new XianfengDb('settings-test');
	reloads = 0;
	document.documentElement.className = '';
	engine = new SyncEngine({ db, lockName: 'settings-test', baseUrl: server.baseUrl });
	settings = new MemberSettingsState(engine, { elderMode: false, locale: 'zh-CN' }, () => reloads++);
});
afterEach(async () => {
	await engine.settled();
	engine.stop();
	db.close();
	await deleteUserDb('settings-test');
	await server.close();
});

describe('member settings on the device', () => {
	it('applies elder mode at once, remembers it in a cookie and queues it for the server', async () => {
		await settings.setElderMode(true);
		expect(document.documentElement.classList.contains('elder')).toBe(true);
		expect(document.cookie).toContain('xf_elder=1');
		const sent = server.received.find((r) => r.method === 'POST');
		const queued = sent ? (sent.body as { ops: { kind: string; payload: unknown }[] }).ops : await db.outbox.toArray();
		expect(queued[0]).toMatchObject({ kind: 'settings.update', payload: { elderMode: true } });
	});

	it('switches language through the cookie and reloads once the change is in the outbox', async () => {
		await settings.setLocale('en');
		expect(document.cookie).toContain('PARAGLIDE_LOCALE=en');
		expect(reloads).toBe(1);
		await settings.setLocale('en');
		expect(reloads).toBe(1);
	});

	it('takes settings changed on another device, unless a change made here is still waiting', () => {
		settings.applyRemote({ elderMode: true, locale: 'zh-CN' }, true);
		expect(settings.elderMode).toBe(false);
		settings.applyRemote({ elderMode: true, locale: 'en' }, false);
		expect(settings.elderMode).toBe(true);
		expect(document.documentElement.classList.contains('elder')).toBe(true);
		expect(settings.locale).toBe('en');
		expect(reloads).toBe(1);
	});
});
