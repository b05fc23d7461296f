import { beforeEach, describe, expect, it } from 'vitest';
import { aWeekOfLearning } from '../test-activity';
import { demoActor, withDemoDatabase, statusOf } from '../test-db';
import type { Db } from '../db/client';
import { auditLog } from '../audit/audit-service';
import { signIn } from '../auth/service';
import { importPeople } from './import-service';
import { peopleRepo } from './repo';
import { getPerson, movePerson, movesOf } from './service';
import { IMPORT_COLUMNS } from '$lib/shared/people-import';

const T0 = Date.parse('2026-11-02T02:00:00Z');
const DAY = 24 * 60 * 60_000;
const ADMIN = '13800000000';
const SECRETARY = '13800000001';
const status = statusOf;

const demo = withDemoDatabase(T0);
let db: Db;
beforeEach(() => {
	db = demo.db;
});
const sheet = (...rows: string[][]) => [[...IMPORT_COLUMNS], ...rows];
const count = () => (db.$client.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;

describe('importing people', () => {
	it('writes nobody while any row has a problem, then everyone with an initial password to change', async () => {
		const admin = await demoActor(db, ADMIN, T0);
		const before = count();
		const bad = await importPeople(db, admin, sheet(['刘一', '13700000001', '离退休党支部'], ['刘二', '1370000', '离退休党支部']), T0);
		expect(bad.ok).toBe(false);
		expect(!bad.ok && bad.check.ok && bad.check.rows[1].errors).toEqual(['手机号“1370000”无效，应为 11 位中国大陆手机号']);
		expect(count()).toBe(before);

		const good = await importPeople(db, admin, sheet(['刘一', '13700000001', '离退休党支部', '', '是'], ['刘二', '13700000002', '机关第一党支部', '', '', '', '书记']), T0);
		if (!good.ok) throw new Error('import refused');
		expect(good.people.map((p) => [p.name, p.phone, p.branch])).toEqual([
			['刘一', '13700000001', '离退休党支部'],
			['刘二', '13700000002', '机关第一党支部']
		]);
		expect(count()).toBe(before + 2);
		const signedIn = await signIn(db, { phone: '13700000001', password: good.people[0].password }, T0);
		expect(signedIn.ok).toBe(true);
		const liu = (await peopleRepo(db).userByPhone('13700000001'))!;
		expect([liu.retired, liu.mustChangePassword]).toEqual([true, true]);
		expect((await peopleRepo(db).userByPhone('13700000002'))!.secretaryOf).not.toBeNull();
		// The same sheet again: every number is taken now.
		const again = await importPeople(db, admin, sheet(['刘一', '13700000001', '离退休党支部']), T0);
		expect(!again.ok && again.check.ok && again.check.rows[0].errors).toEqual(['手机号已被“刘一”使用']);
	});

	it('lets a secretary import into their own branch only, and appoint nobody', async () => {
		const secretary = await demoActor(db, SECRETARY, T0);
		const r = await importPeople(db, secretary, sheet(['王一', '13700000011', '离退休党支部'], ['王二', '13700000012', '机关第一党支部', '', '', '', '书记']), T0);
		expect(!r.ok && r.check.ok && r.check.rows.map((x) => x.errors)).toEqual([['找不到支部“离退休党支部”'], ['只有管理员可以任命书记']]);
	});
});

describe('moving a member and the audit log', () => {
	it('moves a member with their history, ends a secretary role left behind, and logs it for admins', async () => {
		const admin = await demoActor(db, ADMIN, T0);
		const secretary = await demoActor(db, SECRETARY, T0);
		const retiredBranch = (await peopleRepo(db).userByPhone('13800000003'))!.branchId;
		expect(await status(movePerson(db, secretary, secretary.userId, { branchId: retiredBranch, groupId: null }, T0))).toBe(403);
		expect(await movePerson(db, admin, secretary.userId, { branchId: secretary.branchId, groupId: null }, T0)).toEqual({ ok: false, errors: { branchId: '已经在这个支部了' } });
		expect(await movePerson(db, admin, secretary.userId, { branchId: retiredBranch, groupId: null }, T0 + 1000)).toEqual({ ok: true, value: { to: '离退休党支部' } });
		const moved = await getPerson(db, admin, secretary.userId);
		expect([moved.branch.name, moved.user.secretaryOf]).toEqual(['离退休党支部', null]);
		expect(await movesOf(db, admin, secretary.userId)).toEqual([{ at: T0 + 1000, from: '机关第一党支部', to: '离退休党支部' }]);

		const log = auditLog(db, admin);
		expect(log.entries[0]).toMatchObject({ actorName: '王建国', action: 'person.move', summary: '李红梅：机关第一党支部 → 离退休党支部' });
		expect(await status(Promise.resolve().then(() => auditLog(db, secretary)))).toBe(403);
	});

	it('logs the secretary’s work of a week: exams, meetings, marks and reviews, each with who and what', async () => {
		await aWeekOfLearning(db, T0);
		const log = auditLog(db, await demoActor(db, ADMIN, T0 + 8 * DAY));
		expect(log.entries.map((e) => `${e.actorName}|${e.action}|${e.summary}`).reverse()).toEqual([
			'李红梅|reflection.grade|张伟 · 机关公文处理基础',
			'李红梅|exam.create|保密知识测试',
			'李红梅|exam.publish|保密知识测试',
			'李红梅|meeting.create|十一月支部党员大会',
			'李红梅|meeting.mark|十一月支部党员大会',
			'李红梅|meeting.close|十一月支部党员大会',
			'李红梅|meeting.create|主题党日',
			'李红梅|meeting.close|主题党日'
		]);
	});
});
