import { beforeEach, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { meetingInput } from '../test-activity';
import { demoActor, withDemoDatabase } from '../test-db';
import type { Db } from '../db/client';
import { pushOps } from '../sync/service';
import { checkInByCode, checkInByQr } from './checkin-service';
import { createMeetings, managedMeetings, updateMeeting } from './meeting-admin-service';
import { meetingRepo } from './meeting-repo';
import { admitPerson, cancelMeeting, closeMeeting, decideLeave, markAttendance, meetingDetail, rosterOf } from './meeting-roster-service';
import { completeMakeup, memberMeetings } from './member-meeting-service';
import { beijingParts } from '$lib/shared/checkin/meeting-form';
import { checkinCode, slotOf } from '$lib/shared/checkin/token';
import { uuidv7 } from '$lib/shared/id';
import type { Actor } from '$lib/shared/roles';

// 2026-11-28 10:00 Beijing.
const T0 = Date.UTC(2026, 10, 28, 2, 0, 0);
const demo = withDemoDatabase(T0 - 24 * 60 * 60_000);
let db: Db;
beforeEach(() => {
	db = demo.db;
});
const MIN = 60_000;
const office = () => (db.$client.prepare("SELECT id FROM org_units WHERE name = '机关第一党支部'").get() as { id: string }).id;
const token = (meetingId: string, at: number) => {
	const secret = meetingRepo(db).byId(meetingId)!.secret;
	return createHmac('sha256', secret).update(`${meetingId}:${slotOf(at)}`).digest('base64url').slice(0, 16);
};
const form = (over: Record<string, unknown> = {}) => meetingInput(office(), beijingParts(T0).date, { agenda: '学习党章', ...over });
async function meeting(secretary: Actor, over: Record<string, unknown> = {}) {
	const r = await createMeetings(db, secretary, form(over), T0 - 60 * MIN);
	if (!r.ok) throw new Error(r.message);
	return r.ids[0];
}
const status = async (p: Promise<unknown> | unknown) =>
	Promise.resolve()
		.then(() => p)
		.then(
			() => 200,
			(e: { status?: number }) => e.status ?? 500
		);

describe('setting up meetings', () => {
	it('a monthly schedule makes one meeting per month on the same n-th weekday, for the whole branch by default', async () => {
		const secretary = await demoActor(db, '13800000001', T0);
		// 2026-11-13 is the second Friday.
		const r = await createMeetings(db, secretary, form({ type: 'group', title: '党小组会', date: '2026-11-13', repeat: 'monthly', repeatCount: '3' }), T0);
		expect(r.ok).toBe(true);
		const rows = (r as { ids: string[] }).ids.map((id) => meetingRepo(db).byId(id)!);
		expect(rows.map((x) => beijingParts(x.startsAt))).toEqual([
			{ date: '2026-11-13', time: '10:00' },
			{ date: '2026-12-11', time: '10:00' },
			{ date: '2027-01-08', time: '10:00' }
		]);
		expect(new Set(rows.map((x) => x.seriesId)).size).toBe(1);
		expect(new Set(rows.map((x) => x.secret)).size).toBe(3);
		expect(JSON.parse(rows[0].audience)).toEqual({ units: [office()], people: [] });
		expect(managedMeetings(db, secretary).map((x) => x.title)).toContain('党小组会');
		expect(managedMeetings(db, secretary)[0]).not.toHaveProperty('secret');
	});

	it('refuses bad input in Chinese and writes nothing', async () => {
		const secretary = await demoActor(db, '13800000001', T0);
		const count = () => (db.$client.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n;
		const before = count();
		expect(await createMeetings(db, secretary, form({ endTime: '09:00' }), T0)).toEqual({ ok: false, message: '结束时间须晚于开始时间' });
		expect(await createMeetings(db, secretary, form({ title: ' ' }), T0)).toEqual({ ok: false, message: '会议名称须为 1–100 个字' });
		expect(await createMeetings(db, secretary, form({ audiencePhones: ['13800000021'] }), T0)).toMatchObject({ ok: false });
		expect(count()).toBe(before);
	});

	it('an arranged meeting can be changed until it is closed; its times stay once someone has checked in; the expected are told of a move', async () => {
		const secretary = await demoActor(db, '13800000001', T0);
		const id = await meeting(secretary);
		const member = await demoActor(db, '13800000004', T0);
		const notices = () => db.$client.prepare('SELECT body FROM notices WHERE user_id = ? ORDER BY created_at').all(member.userId) as { body: string }[];
		const before = notices().length;
		expect(await updateMeeting(db, secretary, id, form({ title: '十一月支部党员大会（改期）', startTime: '14:00', endTime: '15:30', place: '党员活动室', repeat: 'monthly', repeatCount: '5' }), T0 - 30 * MIN)).toEqual({ ok: true, changed: 1 });
		const moved = meetingRepo(db).byId(id)!;
		expect(beijingParts(moved.startsAt)).toEqual({ date: beijingParts(T0).date, time: '14:00' });
		expect([moved.title, moved.place, moved.seriesId]).toEqual(['十一月支部党员大会（改期）', '党员活动室', null]);
		expect(notices().slice(before).map((n) => n.body)).toEqual([expect.stringMatching(/《十一月支部党员大会（改期）》改为 .*14:00，地点：党员活动室/)]);
		// Bad input is refused in Chinese and changes nothing.
		expect(await updateMeeting(db, secretary, id, form({ endTime: '09:00' }), T0)).toEqual({ ok: false, message: '结束时间须晚于开始时间' });
		expect(meetingRepo(db).byId(id)!.title).toBe('十一月支部党员大会（改期）');
		// Someone checks in: the agenda may still change, the time may not.
		meetingRepo(db).addCheckin(id, member.userId, moved.startsAt, 'qr', moved.startsAt);
		expect(await updateMeeting(db, secretary, id, form({ title: '十一月支部党员大会（改期）', startTime: '14:00', endTime: '15:30', place: '党员活动室', agenda: '学习党章第三章' }), moved.startsAt + MIN)).toEqual({ ok: true, changed: 1 });
		expect(await updateMeeting(db, secretary, id, form({ startTime: '16:00', endTime: '17:00' }), moved.startsAt + MIN)).toEqual({ ok: false, message: '已经有人签到，不能再改日期和时间' });
		expect(notices().length).toBe(before + 1);
		// Another branch's secretary cannot; nobody can once it is closed.
		expect(await status(updateMeeting(db, await demoActor(db, '13800000003', T0), id, form(), T0))).toBe(404);
		expect(await closeMeeting(db, secretary, id, moved.startsAt + 60 * MIN)).toMatchObject({ ok: true });
		expect(await updateMeeting(db, secretary, id, form(), moved.startsAt + 61 * MIN)).toMatchObject({ ok: false, message: /已结束/ });
	});

	it('a whole series changes or goes at once: later meetings keep their dates, those already checked into stay as they are', async () => {
		const secretary = await demoActor(db, '13800000001', T0);
		const r = await createMeetings(db, secretary, form({ type: 'group', title: '党小组会', date: '2026-12-11', repeat: 'monthly', repeatCount: '4' }), T0);
		const ids = (r as { ids: string[] }).ids;
		const member = await demoActor(db, '13800000004', T0);
		// Someone has already checked into the third (as if it were under way): it is left alone.
		const third = meetingRepo(db).byId(ids[2])!;
		meetingRepo(db).addCheckin(ids[2], member.userId, third.startsAt, 'qr', third.startsAt);

		expect(await updateMeeting(db, secretary, ids[0], form({ type: 'group', title: '党小组会（改在下午）', date: '2026-12-11', startTime: '15:00', endTime: '16:00', place: '二楼' }), T0, { series: true })).toEqual({ ok: true, changed: 3 });
		const rows = ids.map((id) => meetingRepo(db).byId(id)!);
		expect(rows.map((x) => [beijingParts(x.startsAt).date, beijingParts(x.startsAt).time, x.place])).toEqual([
			['2026-12-11', '15:00', '二楼'],
			['2027-01-08', '15:00', '二楼'],
			['2027-02-12', '10:00', '三楼会议室'],
			['2027-03-12', '15:00', '二楼']
		]);
		const told = db.$client.prepare('SELECT body FROM notices WHERE user_id = ? ORDER BY created_at DESC').get(member.userId) as { body: string };
		expect(told.body).toMatch(/《党小组会（改在下午）》等 3 次会议有变动/);

		expect(await cancelMeeting(db, secretary, ids[1], T0, { series: true })).toEqual({ ok: true, cancelled: 2 });
		expect(ids.map((id) => meetingRepo(db).byId(id) !== undefined)).toEqual([true, false, true, false]);
	});

	it('is the branch’s own: the other branch’s secretary and members cannot see or manage it', async () => {
		const secretary = await demoActor(db, '13800000001', T0);
		const id = await meeting(secretary);
		const retiredSecretary = await demoActor(db, '13800000003', T0);
		const member = await demoActor(db, '13800000004', T0);
		expect(await status(meetingDetail(db, retiredSecretary, id))).toBe(404);
		expect(await status(meetingDetail(db, member, id))).toBe(404);
		expect(await status(() => managedMeetings(db, member))).toBe(200);
		expect(managedMeetings(db, retiredSecretary).some((x) => x.id === id)).toBe(false);
		const admin = await demoActor(db, '13800000000', T0);
		expect(await status(meetingDetail(db, admin, id))).toBe(200);
	});
});

describe('checking in', () => {
	it('the QR opened by a camera: present on time, late after the grace, once only; old, foreign and unexpected scans refused', async () => {
		const secretary = await demoActor(db, '13800000001', T0);
		const id = await meeting(secretary);
		const other = await meeting(secretary, { title: '支委会', type: 'committee' });
		const a = await demoActor(db, '13800000004', T0);
		const b = await demoActor(db, '13800000005', T0);
		const outsider = await demoActor(db, '13800000021', T0);

		expect(checkInByQr(db, a, id, token(id, T0 + 2 * MIN), T0 + 2 * MIN)).toMatchObject({ ok: true, checkin: { status: 'present', first: true, at: T0 + 2 * MIN } });
		// A second scan returns the first check-in.
		expect(checkInByQr(db, a, id, token(id, T0 + 20 * MIN), T0 + 20 * MIN)).toMatchObject({ ok: true, checkin: { status: 'present', first: false, at: T0 + 2 * MIN } });
		// A photo of the screen passed on a minute later.
		expect(checkInByQr(db, b, id, token(id, T0), T0 + 60_000)).toEqual({ ok: false, message: '二维码已过期（每 15 秒更新），请扫描大屏幕上最新的二维码' });
		expect(checkInByQr(db, b, id, token(other, T0 + 6 * MIN), T0 + 6 * MIN)).toMatchObject({ ok: false, message: /不是本次会议/ });
		expect(checkInByQr(db, outsider, id, token(id, T0), T0)).toMatchObject({ ok: false, message: /不在本次会议的参会名单/ });
		expect(checkInByQr(db, b, id, token(id, T0 - 31 * MIN), T0 - 31 * MIN)).toMatchObject({ ok: false, message: /还没开始/ });
		expect(checkInByQr(db, b, id, token(id, T0 + 6 * MIN), T0 + 6 * MIN)).toMatchObject({ ok: true, checkin: { status: 'late' } });
		expect(meetingRepo(db).checkins(id).map((c) => c.via)).toEqual(['qr', 'qr']);
	});

	it('an offline scan sent later counts at its scan time; a replay of the same op or a second scan changes nothing', async () => {
		const secretary = await demoActor(db, '13800000001', T0);
		const id = await meeting(secretary);
		const b = await demoActor(db, '13800000005', T0);
		const scannedAt = T0 + 3 * MIN;
		const op = { id: uuidv7(scannedAt), kind: 'meeting.checkin', at: scannedAt, payload: { meetingId: id, slot: slotOf(scannedAt), token: token(id, scannedAt) } };
		const sentAt = T0 + 40 * MIN;
		expect(await pushOps(db, b, { ops: [op] }, sentAt)).toEqual({ ok: true, results: [{ id: op.id, status: 'applied' }] });
		expect(await pushOps(db, b, { ops: [op] }, sentAt + MIN)).toEqual({ ok: true, results: [{ id: op.id, status: 'duplicate' }] });
		const again = { ...op, id: uuidv7(sentAt), at: T0 + 8 * MIN, payload: { ...op.payload, slot: slotOf(T0 + 8 * MIN), token: token(id, T0 + 8 * MIN) } };
		expect((await pushOps(db, b, { ops: [again] }, sentAt))).toMatchObject({ ok: true, results: [{ status: 'applied' }] });
		expect(meetingRepo(db).checkins(id)).toEqual([{ userId: b.userId, at: scannedAt, via: 'scan' }]);
		// A scan time that does not fit the token's slot (a replayed old QR with a made-up time) is refused.
		const c = await demoActor(db, '13800000006', T0);
		const forged = { id: uuidv7(sentAt), kind: 'meeting.checkin', at: T0 + 4 * MIN, payload: { meetingId: id, slot: slotOf(T0), token: token(id, T0) } };
		expect(await pushOps(db, c, { ops: [forged] }, sentAt)).toMatchObject({ ok: true, results: [{ status: 'rejected', error: /已过期/ }] });
	});

	it('the typed code: the current one checks in, a wrong one is refused, and guessing is throttled', async () => {
		const secretary = await demoActor(db, '13800000001', T0);
		const id = await meeting(secretary);
		const a = await demoActor(db, '13800000004', T0);
		const code = checkinCode(token(id, T0 + MIN));
		expect(checkInByCode(db, a, code, T0 + MIN + 20_000)).toMatchObject({ ok: true, checkin: { meetingId: id, status: 'present' } });
		const c = await demoActor(db, '13800000006', T0);
		const wrong = code === '000000' ? '000001' : '000000';
		expect(checkInByCode(db, c, wrong, T0 + MIN)).toMatchObject({ ok: false, message: /签到码不对/ });
		for (let i = 0; i < 12; i++) checkInByCode(db, c, wrong, T0 + MIN);
		expect(checkInByCode(db, c, checkinCode(token(id, T0 + MIN)), T0 + MIN)).toMatchObject({ ok: false, message: /输错次数太多/ });
	});
});

describe('leave, marks, closing and 补学', () => {
	it('C asks for leave and gets it, D stays away, E is marked by hand; after closing C and D owe 补学 and A does not', async () => {
		const secretary = await demoActor(db, '13800000001', T0);
		const mod = db.$client.prepare("SELECT id FROM modules WHERE status = 'published' LIMIT 1").get() as { id: string };
		const id = await meeting(secretary, { materials: [mod.id] });
		const [a, c, d, e] = await Promise.all(['13800000004', '13800000006', '13800000007', '13800000008'].map((p) => demoActor(db, p, T0)));
		const leave = { id: uuidv7(T0 - 30 * MIN), kind: 'meeting.leave', at: T0 - 30 * MIN, payload: { meetingId: id, reason: '出差在外地' } };
		expect(await pushOps(db, c, { ops: [leave] }, T0 - 29 * MIN)).toMatchObject({ results: [{ status: 'applied' }] });
		expect(await decideLeave(db, secretary, id, c.userId, true, T0 - 20 * MIN)).toEqual({ ok: true });
		checkInByQr(db, a, id, token(id, T0), T0);
		expect(await markAttendance(db, secretary, id, { userId: e.userId, status: 'excused' }, T0)).toEqual({ ok: false, message: '标记请假或缺席时请选择原因' });
		expect(await markAttendance(db, secretary, id, { userId: e.userId, status: 'present', reason: 'frail', note: '上门送学' }, T0)).toEqual({ ok: true });

		expect(await closeMeeting(db, secretary, id, T0 + 95 * MIN)).toMatchObject({ ok: true });
		const roster = await rosterOf(db, meetingRepo(db).byId(id)!);
		const of = (actor: Actor) => roster.find((r) => r.userId === actor.userId)!.status;
		expect([of(a), of(c), of(d), of(e)]).toEqual(['present', 'excused', 'absent', 'present']);
		expect(memberMeetings(db, c, T0 + 100 * MIN).makeups.map((x) => x.id)).toEqual([id]);
		expect(memberMeetings(db, d, T0 + 100 * MIN).makeups.map((x) => x.id)).toEqual([id]);
		expect(memberMeetings(db, a, T0 + 100 * MIN).makeups).toEqual([]);
		const notice = db.$client.prepare('SELECT link FROM notices WHERE user_id = ?').all(d.userId) as { link: string }[];
		expect(notice.map((n) => n.link)).toContain(`/checkin/makeup/${id}`);

		// 补学 is done only once the linked module is read.
		expect(await completeMakeup(db, d, id, T0 + 100 * MIN)).toMatchObject({ ok: false, message: /还有学习材料没学完/ });
		expect(await completeMakeup(db, a, id, T0 + 100 * MIN)).toMatchObject({ ok: false, message: /无需补学/ });
		const lessons = db.$client.prepare('SELECT id FROM lessons WHERE module_id = ?').all(mod.id) as { id: string }[];
		for (const l of lessons)
			db.$client.prepare('INSERT INTO lesson_progress (user_id, lesson_id, effective_ms, first_at, last_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET effective_ms = excluded.effective_ms').run(d.userId, l.id, 10 * 60 * MIN, T0, T0);
		expect(await completeMakeup(db, d, id, T0 + 110 * MIN)).toEqual({ ok: true });
		expect(memberMeetings(db, d, T0 + 120 * MIN).makeups).toEqual([]);
		// A leave asked after the meeting is refused.
		const late = { id: uuidv7(T0 + 2 * 60 * MIN), kind: 'meeting.leave', at: T0 + 2 * 60 * MIN, payload: { meetingId: id, reason: '忘了请假' } };
		expect(await pushOps(db, d, { ops: [late] }, T0 + 2 * 60 * MIN)).toMatchObject({ results: [{ status: 'rejected', error: '会议已结束，不能再请假' }] });
	});

	it('a meeting nobody has checked into is called off: gone from every list, its leave with it, everyone told; a scan arriving later is refused', async () => {
		const secretary = await demoActor(db, '13800000001', T0);
		const [a, c] = await Promise.all(['13800000004', '13800000006'].map((p) => demoActor(db, p, T0)));
		const id = await meeting(secretary, { title: '延期的党员大会' });
		const leave = { id: uuidv7(T0 - 30 * MIN), kind: 'meeting.leave', at: T0 - 30 * MIN, payload: { meetingId: id, reason: '出差' } };
		expect(await pushOps(db, c, { ops: [leave] }, T0 - 29 * MIN)).toMatchObject({ results: [{ status: 'applied' }] });
		expect(await status(cancelMeeting(db, c, id, T0 - 20 * MIN))).toBe(404);

		expect(await cancelMeeting(db, secretary, id, T0 - 20 * MIN)).toEqual({ ok: true, cancelled: 1 });
		expect(meetingRepo(db).byId(id)).toBeUndefined();
		expect(managedMeetings(db, secretary).map((x) => x.id)).not.toContain(id);
		expect(memberMeetings(db, a, T0).today.map((x) => x.id)).not.toContain(id);
		const told = db.$client.prepare('SELECT body FROM notices WHERE user_id = ? ORDER BY created_at DESC').all(c.userId) as { body: string }[];
		expect(told[0].body).toMatch(/《延期的党员大会》.*已取消/);
		const scan = { id: uuidv7(T0), kind: 'meeting.checkin', at: T0, payload: { meetingId: id, slot: slotOf(T0), token: 'AAAAAAAAAAAAAAAA' } };
		expect(await pushOps(db, a, { ops: [scan] }, T0 + MIN)).toMatchObject({ results: [{ status: 'rejected', error: '找不到这次会议（可能已撤销）' }] });
	});

	it('a meeting someone has checked into cannot be called off', async () => {
		const secretary = await demoActor(db, '13800000001', T0);
		const a = await demoActor(db, '13800000004', T0);
		const id = await meeting(secretary);
		expect(checkInByQr(db, a, id, token(id, T0), T0)).toMatchObject({ ok: true });
		expect(await cancelMeeting(db, secretary, id, T0 + MIN)).toEqual({ ok: false, message: '已经有人签到，不能撤销；请开完后结束会议' });
		expect(meetingRepo(db).checkins(id)).toHaveLength(1);
	});

	it('the secretary lets in someone not on the list', async () => {
		const secretary = await demoActor(db, '13800000001', T0);
		const id = await meeting(secretary, { audienceUnits: [], audiencePhones: ['13800000004'] });
		const b = await demoActor(db, '13800000005', T0);
		expect(checkInByQr(db, b, id, token(id, T0), T0)).toMatchObject({ ok: false });
		expect(await admitPerson(db, secretary, id, '13800000005', T0 + MIN)).toEqual({ ok: true, name: '杨静' });
		const detail = await meetingDetail(db, secretary, id);
		expect(detail.roster.map((r) => [r.name, r.status])).toEqual([
			['刘洋', 'absent'],
			['杨静', 'present']
		]);
		expect(detail.meeting).not.toHaveProperty('secret');
	});
});
