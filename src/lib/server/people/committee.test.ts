import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { createMeetings, meetingFormChoices } from '../attendance/meeting-admin-service';
import { meetingRepo } from '../attendance/meeting-repo';
import { demoActor, statusOf, withDemoDatabase } from '../test-db';
import { meetingInput } from '../test-activity';
import { committeeForm, committeeOf, setCommittee } from './committee-service';

const T0 = Date.UTC(2026, 10, 28, 2, 0, 0);
const demo = withDemoDatabase(T0 - 24 * 60 * 60_000);
let db: Db;
beforeEach(() => {
	db = demo.db;
});
const unitId = (name: string) => (db.$client.prepare('SELECT id FROM org_units WHERE name = ?').get(name) as { id: string }).id;
const userId = (phone: string) => (db.$client.prepare('SELECT id FROM users WHERE phone = ?').get(phone) as { id: string }).id;

describe('the branch committee', () => {
	it('the secretary sets the posts; the list names 书记 first; the demo starts with 书记 and 组织委员', async () => {
		const secretary = await demoActor(db, '13800000001', T0);
		const office = unitId('机关第一党支部');
		expect(committeeOf(db, office).map((c) => [c.name, c.post])).toEqual([
			['李红梅', 'secretary'],
			['王建国', 'organisation']
		]);
		const rows = [
			{ userId: userId('13800000005'), post: 'publicity' },
			{ userId: userId('13800000001'), post: 'secretary' },
			{ userId: userId('13800000004'), post: 'deputy' }
		];
		expect(await setCommittee(db, secretary, office, rows, T0)).toEqual({ ok: true });
		expect(committeeOf(db, office).map((c) => `${c.name}:${c.post}`)).toEqual(['李红梅:secretary', '刘洋:deputy', '杨静:publicity']);
		const form = await committeeForm(db, secretary, office);
		expect(form.members.slice(0, 3).map((p) => p.post)).toEqual(['secretary', 'deputy', 'publicity']);
		expect(form.members.filter((p) => p.post === null).length).toBeGreaterThan(10);
	});

	it('refuses two 书记, people of another branch and unknown posts, in Chinese, changing nothing; other branches’ secretaries and members cannot', async () => {
		const secretary = await demoActor(db, '13800000001', T0);
		const office = unitId('机关第一党支部');
		const before = committeeOf(db, office);
		const two = [
			{ userId: userId('13800000001'), post: 'secretary' },
			{ userId: userId('13800000004'), post: 'secretary' }
		];
		expect(await setCommittee(db, secretary, office, two, T0)).toEqual({ ok: false, message: '支委会只能有一位书记' });
		expect(await setCommittee(db, secretary, office, [{ userId: userId('13800000021'), post: 'member' }], T0)).toEqual({ ok: false, message: '只能选本支部在册的党员' });
		expect(await setCommittee(db, secretary, office, [{ userId: userId('13800000004'), post: 'king' }], T0)).toMatchObject({ ok: false });
		expect(committeeOf(db, office)).toEqual(before);
		expect(await statusOf(setCommittee(db, await demoActor(db, '13800000003', T0), office, [], T0))).toBe(404);
		expect(await statusOf(committeeForm(db, await demoActor(db, '13800000004', T0), office))).toBe(404);
		const admin = await demoActor(db, '13800000000', T0);
		expect(await statusOf(committeeForm(db, admin, office))).toBe(200);
	});

	it('a 支委会 invites the committee as it stands; someone moved away leaves it; a branch without one is told to set it up', async () => {
		const secretary = await demoActor(db, '13800000001', T0);
		const office = unitId('机关第一党支部');
		expect((await meetingFormChoices(db, secretary, T0)).branches.find((b) => b.id === office)!.committee).toBe(2);
		const r = await createMeetings(db, secretary, meetingInput(office, '2026-11-30', { type: 'committee', title: '支委会', audienceCommittee: '1' }), T0);
		expect(r.ok).toBe(true);
		const audience = JSON.parse(meetingRepo(db).byId((r as { ids: string[] }).ids[0])!.audience);
		expect(audience).toEqual({ units: [], people: [userId('13800000001'), userId('13800000000')] });

		// 王建国 moves to the retired branch: no longer on the office committee.
		db.$client.prepare("UPDATE users SET branch_id = ? WHERE phone = '13800000000'").run(unitId('离退休党支部'));
		expect(committeeOf(db, office).map((c) => c.name)).toEqual(['李红梅']);

		const retiredSecretary = await demoActor(db, '13800000003', T0);
		const retired = unitId('离退休党支部');
		expect(await setCommittee(db, retiredSecretary, retired, [], T0)).toEqual({ ok: true });
		expect(await createMeetings(db, retiredSecretary, meetingInput(retired, '2026-11-30', { type: 'committee', title: '支委会', audienceCommittee: '1' }), T0)).toEqual({
			ok: false,
			message: '本支部还没有设置支委会成员（三会一课 → 支委会成员）'
		});
	});
});
