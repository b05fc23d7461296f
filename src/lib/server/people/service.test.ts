import { beforeEach, describe, expect, it } from 'vitest';
import { demoActor, withDemoDatabase } from '../test-db';
import { DEMO_PASSWORD } from '../db/seed/demo';
import { signIn } from '../auth/service';
import { peopleRepo } from './repo';
import { createOrgUnit, createPerson, getPerson, listPeople, resetPassword, setActive, setRoles, updatePerson } from './service';
import type { Db } from '../db/client';

const T0 = Date.UTC(2026, 10, 1);

const actorOf = (phone: string) => demoActor(db, phone, T0);
const idOf = async (phone: string) => (await peopleRepo(db).userByPhone(phone))!.id;
const status = async (p: Promise<unknown>) => p.then(() => 200, (e: { status?: number }) => e.status ?? 500);

const demo = withDemoDatabase(T0);
let db: Db;
beforeEach(() => {
	db = demo.db;
});

describe('people in the demo organisation', () => {
	it('has 32 people, about a third retired, two secretaries and one admin', async () => {
		const admin = await actorOf('13800000000');
		const { people: all, more } = await listPeople(db, admin, '');
		expect(more).toBe(false);
		expect(all.length).toBe(32);
		const retired = all.filter((p) => p.retired).length;
		expect(retired / all.length).toBeGreaterThan(0.3);
		expect(all.filter((p) => p.secretaryOf).length).toBe(2);
		expect(all.filter((p) => p.adminOf).length).toBe(1);
	});

	it('shows a secretary only their own branch, with search', async () => {
		const sec = await actorOf('13800000001');
		const { people: mine } = await listPeople(db, sec, '');
		expect(mine.every((p) => p.branchName === '机关第一党支部')).toBe(true);
		expect((await listPeople(db, sec, '张伟')).people.map((p) => p.phone)).toEqual(['13800000002']);
		expect((await listPeople(db, sec, '陈德厚')).people).toEqual([]);
	});

	it('answers 403 when a secretary opens a member of the other branch, and 403 for members', async () => {
		const sec = await actorOf('13800000001');
		expect(await status(getPerson(db, sec, await idOf('13800000003')))).toBe(403);
		expect(await status(getPerson(db, sec, await idOf('13800000002')))).toBe(200);
		expect(await status(listPeople(db, await actorOf('13800000002'), ''))).toBe(403);
		expect(await status(getPerson(db, sec, 'no-such-id'))).toBe(404);
	});

	it('creates a person who must change the initial password at first sign-in', async () => {
		const sec = await actorOf('13800000001');
		const r = await createPerson(db, sec, { name: '新党员', phone: '13912340000', branchId: sec.branchId, groupId: '', retired: false, activist: true });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const login = await signIn(db, { phone: '13912340000', password: r.value.password }, T0);
		expect(login.ok && login.mustChangePassword).toBe(true);
	});

	it('refuses bad input with messages per field and writes nothing', async () => {
		const sec = await actorOf('13800000001');
		const before = (await listPeople(db, sec, '')).people.length;
		const r = await createPerson(db, sec, { name: ' ', phone: '123', branchId: sec.branchId, groupId: '', retired: false, activist: false });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors.name).toBe('请输入姓名');
		expect(r.errors.phone).toBe('手机号应为 11 位中国大陆手机号码');
		const taken = await createPerson(db, sec, { name: '重复', phone: '13800000002', branchId: sec.branchId, groupId: '', retired: false, activist: false });
		expect(!taken.ok && taken.errors.phone).toBe('这个手机号已经有账号了');
		expect((await listPeople(db, sec, '')).people.length).toBe(before);
	});

	it('does not let a secretary put a person into another branch', async () => {
		const sec = await actorOf('13800000001');
		const other = await actorOf('13800000003');
		const r = await createPerson(db, sec, { name: '越权', phone: '13912340001', branchId: other.branchId, groupId: '', retired: false, activist: false });
		expect(r.ok).toBe(false);
	});

	it('edits, resets and deactivates within scope; a deactivated member cannot sign in', async () => {
		const sec = await actorOf('13800000001');
		const memberId = await idOf('13800000002');
		const edited = await updatePerson(db, sec, memberId, { name: '张伟伟', phone: '13800000002', groupId: '', retired: true, activist: false });
		expect(edited.ok && edited.value.name).toBe('张伟伟');
		const temp = await resetPassword(db, sec, memberId);
		expect((await signIn(db, { phone: '13800000002', password: DEMO_PASSWORD }, T0)).ok).toBe(false);
		expect((await signIn(db, { phone: '13800000002', password: temp }, T0)).ok).toBe(true);
		await setActive(db, sec, memberId, false);
		expect((await signIn(db, { phone: '13800000002', password: temp }, T0)).ok).toBe(false);
		expect(await status(setActive(db, sec, await idOf('13800000000'), false))).toBe(403);
	});

	it('lets admins, and only admins, grow the tree with the right kinds', async () => {
		const admin = await actorOf('13800000000');
		const sec = await actorOf('13800000001');
		const groupUnder = await createOrgUnit(db, admin, { parentId: sec.branchId, kind: 'group', name: '第三党小组' });
		expect(groupUnder.ok).toBe(true);
		const wrongKind = await createOrgUnit(db, admin, { parentId: sec.branchId, kind: 'committee', name: '错' });
		expect(wrongKind.ok).toBe(false);
		expect(await status(createOrgUnit(db, sec, { parentId: sec.branchId, kind: 'group', name: '越权' }))).toBe(403);
	});
});

describe('the people list', () => {
	it('is in pinyin order, as a Chinese reader expects', async () => {
		const sec = await actorOf('13800000001');
		const names = (await listPeople(db, sec, '')).people.map((p) => p.name);
		expect(names.slice(0, 3)).toEqual(['高鹏', '郭志刚', '何婷']);
	});
});

describe('roles', () => {
	it('lets the admin appoint a secretary, who then manages that branch, and remove them again', async () => {
		const admin = await actorOf('13800000000');
		const memberId = await idOf('13800000002');
		const sec = await actorOf('13800000001');
		const r = await setRoles(db, admin, memberId, { secretary: true, adminOf: null });
		expect(r.ok && r.value.secretaryOf).toBe(sec.branchId);
		const promoted = await actorOf('13800000002');
		expect((await listPeople(db, promoted, '')).people.length).toBeGreaterThan(1);
		await setRoles(db, admin, memberId, { secretary: false, adminOf: null });
		expect(await status(listPeople(db, await actorOf('13800000002'), ''))).toBe(403);
	});

	it('refuses role changes by secretaries, on oneself, and admin scopes outside one’s own', async () => {
		const admin = await actorOf('13800000000');
		const sec = await actorOf('13800000001');
		expect(await status(setRoles(db, sec, await idOf('13800000002'), { secretary: true, adminOf: null }))).toBe(403);
		expect(await status(setRoles(db, admin, admin.userId, { secretary: false, adminOf: null }))).toBe(403);
		const r = await setRoles(db, admin, await idOf('13800000002'), { secretary: false, adminOf: 'no-such-unit' });
		expect(!r.ok && r.errors.adminOf).toBe('只能在自己的管理范围内任命管理员');
	});
});
