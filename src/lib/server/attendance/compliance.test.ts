import { beforeEach, describe, expect, it } from 'vitest';
import { demoActor, withDemoDatabase } from '../test-db';
import type { Db } from '../db/client';
import { attendanceStats, complianceReport, setMeetingRules } from './compliance-service';
import { periodOf } from '$lib/shared/checkin/periods';
import { createMeetings } from './meeting-admin-service';
import { closeMeeting } from './meeting-roster-service';

// 2026-11-28 10:00 Beijing; the demo (seeded the day before) holds one closed 支部党员大会 in October.
const T0 = Date.UTC(2026, 10, 28, 2, 0, 0);
const demo = withDemoDatabase(T0 - 24 * 60 * 60_000);
let db: Db;
beforeEach(() => {
	db = demo.db;
});
const unitId = (name: string) => (db.$client.prepare('SELECT id FROM org_units WHERE name = ?').get(name) as { id: string }).id;
const status = (p: Promise<unknown>) => p.then(
	() => 200,
	(e: { status?: number }) => e.status ?? 500
);

async function heldGroupMeeting(date: string, units: string[], startTime = '15:00', endTime = '16:00') {
	const secretary = await demoActor(db, '13800000001', T0);
	const base = { branchId: unitId('机关第一党支部'), type: 'group', title: '党小组会', date, startTime, endTime, place: '', host: '', agenda: '', graceMin: '5', repeat: 'none', repeatCount: '1', audiencePhones: [], materials: [] };
	const r = await createMeetings(db, secretary, { ...base, audienceUnits: units }, T0);
	if (!r.ok) throw new Error(r.message);
	expect(await closeMeeting(db, secretary, r.ids[0], T0)).toMatchObject({ ok: true });
}

describe('三会一课 compliance', () => {
	it('per branch and kind: held this period, periods of this year missed, overdue first', async () => {
		const secretary = await demoActor(db, '13800000001', T0);
		const { rows, year } = await complianceReport(db, secretary, T0);
		expect(year).toBe('2026');
		const row = (unit: string, type: string) => rows.find((r) => r.unitName === unit && r.type === type)!;
		const assembly = row('机关第一党支部', 'assembly');
		expect(assembly.current).toMatchObject({ key: '2026-Q4', held: 1, due: false });
		expect(assembly.missed).toEqual(['2026-Q3', '2026-Q2', '2026-Q1']);
		const committee = row('机关第一党支部', 'committee');
		expect(committee.current).toMatchObject({ key: '2026-11', held: 0, due: true });
		expect(committee.missed).toHaveLength(10);
		expect(rows.every((r) => !r.unitName.startsWith('离退休'))).toBe(true);
		expect(rows[0].overdue).toBe(true);
	});

	it('counts a 党小组会 for its group, and one for the whole branch for every group; month edges are Beijing ones', async () => {
		// 2026-10-31 23:30 Beijing is still October (15:30 UTC).
		await heldGroupMeeting('2026-10-31', [unitId('第一党小组')], '23:30', '23:59');
		const secretary = await demoActor(db, '13800000001', T0);
		let rows = (await complianceReport(db, secretary, T0)).rows;
		const group = (name: string) => rows.find((r) => r.unitName === `机关第一党支部 · ${name}` && r.type === 'group')!;
		expect(group('第一党小组').missed).not.toContain('2026-10');
		expect(group('第二党小组').missed).toContain('2026-10');
		expect(group('第一党小组').current).toMatchObject({ key: '2026-11', held: 0, due: true });
		await heldGroupMeeting('2026-11-20', [unitId('机关第一党支部')]);
		rows = (await complianceReport(db, secretary, T0)).rows;
		expect(group('第一党小组').current.held).toBe(1);
		expect(group('第二党小组').current.held).toBe(1);
	});

	it('admins see every branch and set the cadence and the absence threshold; secretaries may not', async () => {
		const admin = await demoActor(db, '13800000000', T0);
		const secretary = await demoActor(db, '13800000001', T0);
		expect((await complianceReport(db, admin, T0)).rows.some((r) => r.unitName === '离退休党支部')).toBe(true);
		expect(await status(setMeetingRules(db, secretary, { cadence: {}, threshold: '1' }, T0))).toBe(403);
		expect(await setMeetingRules(db, admin, { cadence: { assembly: 'quarter' }, threshold: '0' }, T0)).toEqual({ ok: false, message: '缺席提醒次数须为 1–20' });

		let stats = await attendanceStats(db, secretary, T0);
		const of = (name: string) => stats.members.find((r) => r.name === name)!;
		expect(of('孙晓燕')).toMatchObject({ expected: 1, counts: { absent: 1 }, flagged: false, rate: 0 });
		expect(of('马俊').counts.excused).toBe(1);
		expect(of('徐涛').counts.late).toBe(1);
		// Per Beijing month: the meetings held that month and the share of the expected who came.
		const held = db.$client.prepare('SELECT starts_at AS at FROM meetings WHERE closed_at IS NOT NULL').all() as { at: number }[];
		expect(stats.months.map((x) => x.key)).toEqual([...new Set(held.map((h) => periodOf(h.at, 'month').key))].sort());
		expect(stats.months.reduce((n, x) => n + x.meetings, 0)).toBe(stats.meetings);
		const came = stats.members.reduce((n, r) => n + r.counts.present + r.counts.late, 0);
		const expected = stats.members.reduce((n, r) => n + r.expected, 0);
		expect(stats.months.length === 1 ? stats.months[0].rate : null).toBeCloseTo(came / expected);

		expect(await setMeetingRules(db, admin, { cadence: { assembly: 'quarter', committee: 'none' }, threshold: '1' }, T0)).toEqual({ ok: true });
		stats = await attendanceStats(db, secretary, T0);
		expect(of('孙晓燕').flagged).toBe(true);
		expect(stats.members[0].flagged).toBe(true);
		const rows = (await complianceReport(db, secretary, T0)).rows;
		expect(rows.map((r) => r.type)).toEqual(['assembly']);
	});
});
