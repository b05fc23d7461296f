import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XianfengDb, deleteUserDb } from '../offline/db';
import { ReflectionDraft } from './reflection-draft.svelte';

let db: XianfengDb;
let seq = 0;
const sent: { kind: string; payload: { reflectionId: string; body: string; planId: string | null } }[] = [];
const engine = { enqueue: async (kind: string, payload: unknown) => (sent.push({ kind, payload: structuredClone(payload) as never }), {} as never) };
const draft = (existing: { id: string; body: string } | null = null) => new ReflectionDraft({ db, engine, moduleId: 'm1', planId: 'p1', existing });

beforeEach(() => {
	db = new XianfengDb(`draft-test-${seq++}`);
	sent.length = 0;
});
afterEach(async () => {
	db.close();
	await deleteUserDb(`draft-test-${seq - 1}`);
});

describe('a reflection draft', () => {
	it('survives the page closing: what was typed is there when the page opens again', async () => {
		const first = draft();
		await first.load();
		first.body = '学习了支部工作条例，';
		first.body = '学习了支部工作条例，认识到三会一课的重要性。';
		await first.flush();
		const again = draft();
		await again.load();
		expect(again.body).toBe('学习了支部工作条例，认识到三会一课的重要性。');
		expect(again.length).toBe(22);
	});

	it('hands in through the outbox, and a revision after 退回修改 keeps the same id', async () => {
		const d = draft({ id: '01a2aaaa-0000-7000-8000-000000000001', body: '旧的心得' });
		await d.load();
		d.body = '修改后的心得';
		await d.submit(5_000);
		expect(sent).toEqual([{ kind: 'reflection.submit', payload: { reflectionId: '01a2aaaa-0000-7000-8000-000000000001', moduleId: 'm1', planId: 'p1', body: '修改后的心得' } }]);
		expect(d.submittedAt).toBe(5_000);
		const reopened = draft({ id: '01a2aaaa-0000-7000-8000-000000000001', body: '旧的心得' });
		await reopened.load();
		expect(reopened).toMatchObject({ body: '修改后的心得', submittedAt: 5_000 });
	});

	it('gives way to the server when the server holds a different reflection', async () => {
		const local = draft();
		await local.load();
		local.body = '这台手机上的草稿';
		await local.flush();
		const fromServer = draft({ id: '01a2aaaa-0000-7000-8000-000000000009', body: '另一台设备交的心得' });
		await fromServer.load();
		expect(fromServer.body).toBe('另一台设备交的心得');
	});
});
