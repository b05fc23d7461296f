import { randomBytes } from 'node:crypto';
import type { Db } from '../client';
import { meetingRepo, type NewMeeting } from '../../attendance/meeting-repo';
import { beijingInstant, beijingParts, repeatDates } from '$lib/shared/checkin/meeting-form';
import { uuidv7 } from '$lib/shared/id';

const DAY_MS = 24 * 60 * 60 * 1000;
const HALF_HOUR = 30 * 60 * 1000;

const MINUTES = `## 议题一：学习新修订的《中国共产党纪律处分条例》

**发言人**：李红梅（支部书记）

领学条例总则和六项纪律，结合本支部工作讲了三点体会。

## 议题二：讨论支部年度学习计划

**发言**：刘洋、杨静、赵磊先后发言，建议增加线上答题和知识竞赛。

## 决定

1. 每月第二个星期五召开党小组会；
2. 十二月举办一次支部知识竞赛。`;

/**
 * 三会一课 for 机关第一党支部: a closed 支部党员大会 last month (minutes, attendance, two 补学 owed), a
 * 主题党日 starting within the half hour (its check-in open, so /display shows a QR at once), monthly
 * 党小组会 and a 支委会 ahead.
 */
export async function seedDemoMeetings(db: Db, branchId: string, secretaryId: string, committeeIds: string[], now: number): Promise<void> {
	const repo = meetingRepo(db);
	const base = (over: Partial<NewMeeting> & Pick<NewMeeting, 'type' | 'title' | 'startsAt' | 'endsAt'>, i: number): NewMeeting => ({
		id: uuidv7(now + i),
		branchId,
		place: '机关三楼党员活动室',
		host: '李红梅',
		audience: JSON.stringify({ units: [branchId], people: [] }),
		agenda: '',
		materials: '[]',
		graceMin: 5,
		secret: randomBytes(24).toString('base64url'),
		seriesId: null,
		makeupExamId: null,
		createdBy: secretaryId,
		now,
		...over
	});
	const lastMonth = beijingParts(now - 35 * DAY_MS).date;
	const past = base({ type: 'assembly', title: '支部党员大会：学习《纪律处分条例》', startsAt: beijingInstant(lastMonth, '14:30'), endsAt: beijingInstant(lastMonth, '16:30'), agenda: '1. 学习条例\n2. 讨论年度学习计划' }, 0);
	const soon = Math.ceil((now + 60_000) / HALF_HOUR) * HALF_HOUR;
	const today = base({ type: 'theme_day', title: '主题党日：重温入党誓词', startsAt: soon, endsAt: soon + 90 * 60_000, agenda: '1. 重温入党誓词\n2. 交流学习体会' }, 1);
	const firstFriday = repeatDates(nextSecondFriday(now), 'monthly', 3);
	const seriesId = uuidv7(now + 2);
	const groups = firstFriday.map((date, i) => base({ type: 'group', title: '党小组会', startsAt: beijingInstant(date, '15:00'), endsAt: beijingInstant(date, '16:00'), seriesId }, 3 + i));
	const committeeDay = beijingParts(now + 10 * DAY_MS).date;
	const committee = base(
		{ type: 'committee', title: '支委会：研究年度考评', startsAt: beijingInstant(committeeDay, '09:00'), endsAt: beijingInstant(committeeDay, '10:00'), audience: JSON.stringify({ units: [], people: committeeIds }) },
		10
	);
	repo.insertMany([past, today, ...groups, committee]);

	// Last month's meeting: most came, two were late, one on leave, two away (they owe a 补学).
	const members = db.$client.prepare("SELECT id, name FROM users WHERE branch_id = ? AND admin_of IS NULL ORDER BY phone").all(branchId) as { id: string; name: string }[];
	const absent = new Set(['孙晓燕', '宋佳']);
	for (const [i, p] of members.entries()) {
		if (absent.has(p.name)) continue;
		if (p.name === '马俊') {
			repo.askLeave(past.id, p.id, '外出参加培训', past.startsAt - DAY_MS);
			repo.decideLeave(past.id, p.id, 'approved', secretaryId, past.startsAt - DAY_MS + HALF_HOUR);
			continue;
		}
		const late = p.name === '徐涛' || p.name === '高鹏';
		repo.addCheckin(past.id, p.id, past.startsAt - 10 * 60_000 + i * 20_000 + (late ? 20 * 60_000 : 0), i % 3 === 0 ? 'code' : 'qr', past.startsAt);
	}
	repo.setMinutes(past.id, MINUTES, past.endsAt);
	repo.close(past.id, past.endsAt + HALF_HOUR);
}

/** The second Friday of this month, or of next month if it has passed (Beijing calendar). */
function nextSecondFriday(now: number): string {
	const { date } = beijingParts(now);
	for (let months = 0; months < 2; months++) {
		const d = new Date(`${date.slice(0, 8)}01T00:00:00Z`);
		d.setUTCMonth(d.getUTCMonth() + months);
		const friday = 1 + ((5 - d.getUTCDay() + 7) % 7) + 7;
		const candidate = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), friday)).toISOString().slice(0, 10);
		if (candidate >= date) return candidate;
	}
	return date;
}
