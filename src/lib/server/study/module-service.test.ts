import { beforeEach, describe, expect, it } from 'vitest';
import { demoActor, withDemoDatabase } from '../test-db';
import { createModule, lessonForMember, library, managedModules, moduleForMember, moduleToManage, publishModule, saveLesson, updateModule } from './module-service';
import type { Db } from '../db/client';
import { pushOps } from '../sync/service';
import { PAYLOADS, runsNothing } from '../xss-payloads';
import { uuidv7 } from '$lib/shared/id';

const T0 = Date.UTC(2026, 10, 1);
const status = async (p: Promise<unknown>) => p.then(() => 200, (e: { status?: number }) => e.status ?? 500);

const demo = withDemoDatabase(T0);
let db: Db;
beforeEach(() => {
	db = demo.db;
});

async function branchModule() {
	const secretary = await demoActor(db, '13800000001', T0);
	const r = await createModule(db, secretary, { title: '支部工作条例导读', track: 'political', summary: '逐章学习', tags: '条例 支部', ownerUnitId: secretary.secretaryOf!.id }, T0);
	if (!r.ok) throw new Error(r.message);
	return { secretary, moduleId: r.id };
}

describe('study modules', () => {
	it('stay out of the library until published, and need a lesson to be published', async () => {
		const { secretary, moduleId } = await branchModule();
		const member = await demoActor(db, '13800000002', T0);
		expect(await library(db, member)).not.toContainEqual(expect.objectContaining({ id: moduleId }));
		expect(await publishModule(db, secretary, moduleId, T0)).toEqual({ ok: false, message: '模块里至少要有一课才能发布' });
		await saveLesson(db, secretary, moduleId, null, { title: '第一课', body: '党支部是党的基础组织。' }, T0);
		expect(await publishModule(db, secretary, moduleId, T0)).toEqual({ ok: true });
		expect((await library(db, member)).map((x) => x.title)).toContain('支部工作条例导读');
		expect((await library(db, member, '逐章学习')).map((x) => x.title)).toEqual(['支部工作条例导读']);
		expect(await library(db, member, '没有这个词')).toEqual([]);
		// A member of the other branch never sees a branch's own module.
		expect((await library(db, await demoActor(db, '13800000025', T0))).map((x) => x.id)).not.toContain(moduleId);
		expect(await status(moduleForMember(db, await demoActor(db, '13800000025', T0), moduleId))).toBe(404);
	});

	it('show a lesson as sanitised HTML with its reading time and neighbours', async () => {
		const { secretary, moduleId } = await branchModule();
		await saveLesson(db, secretary, moduleId, null, { title: '第一课', body: '**重点**<script>alert(1)</script><img src=x onerror=alert(1)>' + '学'.repeat(600) }, T0);
		const second = await saveLesson(db, secretary, moduleId, null, { title: '第二课', body: '内容' }, T0);
		await publishModule(db, secretary, moduleId, T0);
		const member = await demoActor(db, '13800000002', T0);
		const mod = await moduleForMember(db, member, moduleId);
		expect(mod.lessons.map((l) => [l.title, l.minutes])).toEqual([
			['第一课', 3],
			['第二课', 1]
		]);
		const first = await lessonForMember(db, member, moduleId, mod.lessons[0].id);
		expect(first.lesson.html).toContain('<strong>重点</strong>');
		expect(first.lesson.html).not.toMatch(/<script|<img[^>]*onerror/i);
		expect(first).toMatchObject({ previous: null, next: second.ok ? second.id : '' });
	});

	it('are written only by those who manage the owner unit', async () => {
		const { moduleId } = await branchModule();
		const other = await demoActor(db, '13800000003', T0);
		expect(await status(updateModule(db, other, moduleId, { title: 'x', track: 'political' }, T0))).toBe(404);
		expect(await status(saveLesson(db, other, moduleId, null, { title: 'x', body: '' }, T0))).toBe(404);
		expect((await managedModules(db, await demoActor(db, '13800000000', T0))).map((x) => x.id)).toContain(moduleId);
		expect(await status(managedModules(db, await demoActor(db, '13800000002', T0)))).toBe(403);
		expect(await createModule(db, other, { title: ' ', track: 'political', ownerUnitId: other.secretaryOf!.id }, T0)).toEqual({ ok: false, message: '请输入模块名称' });
	});
});

describe('lesson media and attachments', () => {
	it('take an uploaded recording or a link, and only uploaded PDFs as attachments', async () => {
		const { secretary, moduleId } = await branchModule();
		const recording = (await moduleToManage(db, await demoActor(db, '13800000000', T0), (await library(db, secretary)).find((x) => x.title === '基层党建工作的问题与对策')!.id)).lessons.find((l) => l.media)!.media!;
		expect(recording).toMatchObject({ kind: 'audio', name: '党课录音（演示）.wav' });
		const ok = await saveLesson(db, secretary, moduleId, null, { title: '听党课', body: '收听录音。', mediaSrc: recording.src, mediaKind: '', attachments: [] }, T0);
		expect(ok.ok).toBe(true);
		const link = await saveLesson(db, secretary, moduleId, null, { title: '看视频', body: '观看。', mediaSrc: 'https://video.example.org/a.mp4', mediaKind: 'video', attachments: [] }, T0);
		expect(link.ok).toBe(true);
		expect((await moduleToManage(db, secretary, moduleId)).lessons.map((l) => l.media?.kind)).toEqual(['audio', 'video']);

		expect(await saveLesson(db, secretary, moduleId, null, { title: 'x', body: '', mediaSrc: 'javascript:alert(1)', attachments: [] }, T0)).toEqual({ ok: false, message: '音视频应是上传的文件，或以 http(s):// 开头的链接' });
		expect(await saveLesson(db, secretary, moduleId, null, { title: 'x', body: '', mediaSrc: `/files/${'0'.repeat(64)}`, attachments: [] }, T0)).toMatchObject({ ok: false });
		expect(await saveLesson(db, secretary, moduleId, null, { title: 'x', body: '', mediaSrc: '', attachments: [recording.src] }, T0)).toEqual({ ok: false, message: '附件应是上传的 PDF，最多 10 个' });
		expect(await updateModule(db, secretary, moduleId, { title: '支部工作条例导读', track: 'political', summary: '', tags: '', cover: recording.src }, T0)).toEqual({ ok: false, message: '封面应是上传的图片' });
	});
});

describe('editing a published module', () => {
	it('keeps the text a member started; others and the latest link see the new one', async () => {
		const { secretary, moduleId } = await branchModule();
		const saved = await saveLesson(db, secretary, moduleId, null, { title: '第一课', body: '旧的内容：党支部是党的基础组织。' }, T0);
		if (!saved.ok) throw new Error(saved.message);
		await publishModule(db, secretary, moduleId, T0);
		const started = await demoActor(db, '13800000002', T0);
		const fresh = await demoActor(db, '13800000004', T0);
		await pushOps(db, started, { ops: [{ id: uuidv7(T0), kind: 'study.progress', at: T0 + 30_000, payload: { lessonId: saved.id, fromAt: T0, toAt: T0 + 30_000, ms: 30_000 } }] }, T0 + 60_000);

		expect(await saveLesson(db, secretary, moduleId, saved.id, { title: '第一课（修订）', body: '新的内容：党支部是党的基础组织，是战斗堡垒。' }, T0 + 120_000)).toMatchObject({ ok: true });
		const mine = await lessonForMember(db, started, moduleId, saved.id);
		expect(mine.lesson.html).toContain('旧的内容');
		expect(mine).toMatchObject({ startedVersion: 1, showingStarted: true });
		const latest = await lessonForMember(db, started, moduleId, saved.id, true);
		expect(latest.lesson.html).toContain('新的内容');
		expect(latest.lesson.title).toBe('第一课（修订）');
		const theirs = await lessonForMember(db, fresh, moduleId, saved.id);
		expect(theirs.lesson.html).toContain('新的内容');
		expect(theirs).toMatchObject({ startedVersion: null, showingStarted: false });
	});
});

describe('lessons against XSS payloads', () => {
	it('show members none of the payloads in a form that runs', async () => {
		const { secretary, moduleId } = await branchModule();
		const saved = await saveLesson(db, secretary, moduleId, null, { title: '危险内容', body: PAYLOADS.join('\n\n') }, T0);
		if (!saved.ok) throw new Error(saved.message);
		await publishModule(db, secretary, moduleId, T0);
		const { lesson } = await lessonForMember(db, await demoActor(db, '13800000002', T0), moduleId, saved.id);
		runsNothing(lesson.html);
	});
});
