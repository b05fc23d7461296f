import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoActor, pushOne, withDemoDatabase } from '../test-db';
import { unreadNotices } from '../notices/service';
import { library, moduleForMember } from './module-service';
import { planReportSheet } from './plan-export';
import { createPlan, memberPlans, planReport, remindOverdue } from './plan-service';
import { commentOnReflection, myReflections, peerReflections, reviewQueue, reviewReflection, studyBadge } from './reflection-service';
import type { Db } from '../db/client';
import { uuidv7 } from '$lib/shared/id';
import type { Actor } from '$lib/shared/roles';
import { lessonCapMs } from '$lib/shared/study/credit-rules';

const T0 = Date.parse('2026-11-02T02:00:00Z'); // 10:00 in Beijing
const MIN = 60_000;
const SECRETARY = '13800000001';
const MEMBER = '13800000002';
const OTHER_BRANCH = '13800000025';
const status = async (p: Promise<unknown>) => p.then(() => 200, (e: { status?: number }) => e.status ?? 500);

const demo = withDemoDatabase(T0);
let db: Db;
beforeEach(() => {
	db = demo.db;
});

const push = (actor: Actor, kind: string, payload: unknown, at: number, id?: string) => pushOne(db, actor, kind, payload, at, id);

/** The member's standing on the plan the test made (the demo data has plans of its own). */
const standingOn = async (actor: Actor, planId: string, now: number) => (await memberPlans(db, actor, now)).find((p) => p.id === planId)!.standing;

const read = (actor: Actor, lessonId: string, fromAt: number, ms: number, id?: string) => push(actor, 'study.progress', { lessonId, fromAt, toAt: fromAt + ms, ms }, fromAt + ms, id);

async function setUp(extra: Record<string, unknown> = {}) {
	const secretary = await demoActor(db, SECRETARY, T0);
	const member = await demoActor(db, MEMBER, T0);
	const moduleId = (await library(db, member)).find((x) => x.title === '机关公文处理基础')!.id;
	const r = await createPlan(
		db,
		secretary,
		{ title: '十一月学习计划', branchId: secretary.secretaryOf!.id, moduleIds: [moduleId], startsOn: '2026-11-01', dueOn: '2026-11-10', minMinutes: '2', audienceUnits: [secretary.secretaryOf!.id], ...extra },
		T0
	);
	if (!r.ok) throw new Error(r.message);
	const lessons = (await moduleForMember(db, member, moduleId)).lessons;
	return { secretary, member, moduleId, planId: r.id, lessons };
}

describe('study plans', () => {
	it('are created only by whoever runs the branch, for modules it can see', async () => {
		const { moduleId, secretary } = await setUp();
		const member = await demoActor(db, MEMBER, T0);
		const input = { title: '计划', branchId: secretary.secretaryOf!.id, moduleIds: [moduleId], startsOn: '2026-11-01', dueOn: '2026-11-10', audienceUnits: [secretary.secretaryOf!.id] };
		expect(await status(createPlan(db, member, input, T0))).toBe(403);
		const other = await demoActor(db, OTHER_BRANCH, T0);
		expect(await createPlan(db, secretary, { ...input, dueOn: '2026-10-01' }, T0)).toEqual({ ok: false, message: '请填写开始和截止日期，截止不能早于开始' });
		expect(await createPlan(db, secretary, { ...input, moduleIds: ['nope'] }, T0)).toEqual({ ok: false, message: '有模块不存在、未发布，或本支部党员看不到' });
		expect(await createPlan(db, secretary, { ...input, audienceUnits: [other.branchId] }, T0)).toMatchObject({ ok: false });
	});

	it('show on the member’s tab with progress, and not on another branch’s', async () => {
		const { member, lessons, planId } = await setUp();
		const plan = (await memberPlans(db, member, T0)).find((p) => p.id === planId)!;
		expect(plan).toMatchObject({ id: planId, title: '十一月学习计划', dueOn: '2026-11-10', started: true });
		expect(plan.standing).toMatchObject({ lessonsDone: 0, lessonsTotal: lessons.length, complete: false, overdue: false });
		expect((await memberPlans(db, await demoActor(db, OTHER_BRANCH, T0), T0)).map((p) => p.id)).not.toContain(planId);
	});
});

describe('reading credit', () => {
	it('credits real time once, however often the phone resends it', async () => {
		const { member, lessons, planId } = await setUp();
		const id = uuidv7(T0);
		expect(await read(member, lessons[0].id, T0, 90_000, id)).toMatchObject({ status: 'applied' });
		expect(await read(member, lessons[0].id, T0, 90_000, id)).toMatchObject({ status: 'duplicate' });
		const standing = await standingOn(member, planId, T0 + 2 * MIN);
		expect(standing.effectiveMs).toBe(90_000);
		expect(standing.lessonsDone).toBe(0); // the plan asks for 2 minutes
		await read(member, lessons[0].id, T0 + 90_000, 30_000);
		expect((await standingOn(member, planId, T0 + 3 * MIN)).lessonsDone).toBe(1);
	});

	it('never credits more than the time that passed, even across lessons', async () => {
		const { member, lessons, planId } = await setUp();
		await read(member, lessons[0].id, T0, 60_000);
		// The same minute claimed again for another lesson earns nothing; a claim larger than its span earns the span.
		await read(member, lessons[1].id, T0, 60_000);
		await push(member, 'study.progress', { lessonId: lessons[1].id, fromAt: T0 + 60_000, toAt: T0 + 70_000, ms: 10_000_000 }, T0 + 70_000);
		expect((await standingOn(member, planId, T0 + 2 * MIN)).effectiveMs).toBe(70_000);
	});

	it('stops at the cap per lesson (an hour for a short one)', async () => {
		const { member, lessons, planId } = await setUp();
		let t = T0;
		for (let i = 0; i < 6; i++) for (const lesson of lessons) {
			await read(member, lesson.id, t, 30 * MIN);
			t += 30 * MIN;
		}
		expect((await standingOn(member, planId, t)).effectiveMs).toBe(lessons.length * lessonCapMs(1));
	});

	it('is refused for a lesson the member may not study', async () => {
		const { lessons } = await setUp();
		const other = await demoActor(db, OTHER_BRANCH, T0);
		expect(await read(other, 'no-such-lesson', T0, 10_000)).toMatchObject({ status: 'rejected', error: '这一课不存在或已无权学习' });
		expect(await read(other, lessons[0].id, T0, 10_000)).toMatchObject({ status: 'applied' }); // the demo module is for the whole committee
	});
});

describe('reflections and review', () => {
	const reflect = (actor: Actor, moduleId: string, planId: string | null, body: string, id = uuidv7(T0), at = T0) => push(actor, 'reflection.submit', { reflectionId: id, moduleId, planId, body }, at);
	const text = '通过学习支部工作条例，我认识到党支部是党的基础组织，是党在社会基层组织中的战斗堡垒，要按时参加三会一课。';

	it('refuse a reflection under the plan’s minimum length, saying how long it is', async () => {
		const { member, moduleId, planId } = await setUp();
		expect(await reflect(member, moduleId, planId, '学习了，很有收获。')).toMatchObject({ status: 'rejected', error: '心得至少 50 字，现在 9 字' });
	});

	it('go to the secretary’s queue; a grade reaches the member with a badge until opened', async () => {
		const { member, secretary, moduleId, planId, lessons } = await setUp();
		const id = uuidv7(T0);
		expect(await reflect(member, moduleId, planId, text, id)).toMatchObject({ status: 'applied' });
		const queue = (await reviewQueue(db, secretary)).map((r) => r.id);
		expect(queue.at(-1)).toBe(id); // oldest first: the demo's waiting reflections come before it
		expect(await reviewQueue(db, await demoActor(db, '13800000024', T0)).catch(() => 'forbidden')).toBe('forbidden');
		expect(await status(reviewReflection(db, member, id, { action: 'grade', grade: 'excellent' }, T0))).toBe(404);

		expect(await reviewReflection(db, secretary, id, { action: 'return', comment: '' }, T0)).toEqual({ ok: false, message: '退回修改时请写明需要修改什么' });
		expect(await reviewReflection(db, secretary, id, { action: 'return', comment: '请结合本职工作谈体会' }, T0)).toEqual({ ok: true });
		expect(await studyBadge(db, member)).toBe(1);
		// Revised under the same id: back in the queue.
		expect(await reflect(member, moduleId, planId, text + '结合岗位，我要带头做好保密工作。', id, T0 + MIN)).toMatchObject({ status: 'applied' });
		expect(await studyBadge(db, member)).toBe(0);
		expect(await reviewReflection(db, secretary, id, { action: 'grade', grade: 'excellent', comment: '联系实际，很好' }, T0 + 2 * MIN)).toEqual({ ok: true });
		expect(await reviewReflection(db, secretary, id, { action: 'grade', grade: 'good' }, T0 + 2 * MIN)).toEqual({ ok: false, message: '这篇心得已经评阅过了' });
		expect(await studyBadge(db, member)).toBe(1);
		const [mine] = await myReflections(db, member, T0 + 3 * MIN);
		expect(mine).toMatchObject({ status: 'reviewed', grade: 'excellent', reviewComment: '联系实际，很好', isNew: true });
		expect(await studyBadge(db, member)).toBe(0);
		// Reviewed work is locked.
		expect(await reflect(member, moduleId, planId, text + '再改一次。', id, T0 + 4 * MIN)).toMatchObject({ status: 'rejected', error: '这篇心得已经评阅，不能再修改' });

		// The plan counts it: all lessons read plus the reflection makes the member complete.
		let t = T0 + 5 * MIN;
		for (const lesson of lessons) {
			await read(member, lesson.id, t, 10 * MIN);
			t += 10 * MIN;
		}
		const report = await planReport(db, secretary, planId, t);
		expect(report.rows.find((r) => r.userId === member.userId)?.standing).toMatchObject({ complete: true, reflectionsIn: 1 });
	});

	it('list the overdue after the due day and remind each of them once per click', async () => {
		const { member, secretary, planId } = await setUp();
		const afterDue = Date.parse('2026-11-11T02:00:00Z');
		const report = await planReport(db, secretary, planId, afterDue);
		expect(report.overdue.length).toBe(report.rows.length);
		expect(report.rows.length).toBeGreaterThan(5);
		expect(await remindOverdue(db, secretary, planId, afterDue)).toBe(report.rows.length);
		const [notice] = await unreadNotices(db, member);
		expect(notice.body).toContain('请在 2026-11-10 前完成学习计划「十一月学习计划」');
		expect(await status(planReport(db, member, planId, afterDue))).toBe(404);
	});

	it('take peer comments only where the plan allows them, from the same branch', async () => {
		const closed = await setUp();
		const id = uuidv7(T0);
		await reflect(closed.member, closed.moduleId, closed.planId, text, id);
		const peer = await demoActor(db, '13800000004', T0);
		expect(await status(commentOnReflection(db, peer, id, '写得好', T0))).toBe(404);

		const open = await setUp({ title: '互评计划', peerComments: true });
		const id2 = uuidv7(T0 + 1);
		await reflect(open.member, open.moduleId, open.planId, text, id2);
		expect(await commentOnReflection(db, peer, id2, '  ', T0)).toEqual({ ok: false, message: '请写下评论' });
		expect(await commentOnReflection(db, peer, id2, '写得好，值得学习', T0)).toEqual({ ok: true });
		expect((await peerReflections(db, peer, open.planId))[0].comments.map((c) => c.body)).toEqual(['写得好，值得学习']);
		expect(await status(peerReflections(db, await demoActor(db, OTHER_BRANCH, T0), open.planId))).toBe(404);
	});
});

describe('the plan export', () => {
	it('has one row per member with lessons, minutes, reflection and state, in the workbook Excel opens', async () => {
		const { member, secretary, planId, lessons } = await setUp();
		await read(member, lessons[0].id, T0, 3 * MIN);
		const { title, bytes } = await planReportSheet(db, secretary, planId, Date.parse('2026-11-11T02:00:00Z'));
		expect(title).toBe('十一月学习计划');
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
		const sheet = book.worksheets[0];
		expect(sheet.getRow(1).values).toEqual([undefined, '姓名', '手机号', '已学课程', '有效学习（分钟）', '心得', '评阅', '状态']);
		const rows = sheet.getSheetValues().slice(2) as unknown[][];
		expect(rows.find((r) => r[2] === MEMBER)?.slice(3)).toEqual([`1/${lessons.length}`, 3, '0/1', '—', '逾期']);
		await expect(planReportSheet(db, member, planId)).rejects.toMatchObject({ status: 404 });
	});
});
