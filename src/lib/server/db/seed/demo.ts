import { dirname, join } from 'node:path';
import type { Db } from '../client';
import { hashPassword } from '../../auth/password';
import { committeeRepo } from '../../people/committee-repo';
import { peopleRepo } from '../../people/repo';
import { seedDemoExam, seedQuizDemo } from './quiz';
import { seedDemoContest } from './contest';
import { seedDemoMeetings } from './meetings';
import { seedStudyDemo } from './study';
import { seedStudyPlans } from './study-plans';
import { uuidv7 } from '$lib/shared/id';

export const DEMO_PASSWORD = 'xianfeng123';

/** The fixed demo logins, printed at start, listed in the README and on the login page while the demo exists. */
export const DEMO_LOGINS = [
	{ role: 'admin', phone: '13800000000', name: '王建国', label: '管理员（示范党委）' },
	{ role: 'secretary', phone: '13800000001', name: '李红梅', label: '书记（机关第一党支部）' },
	{ role: 'member', phone: '13800000002', name: '张伟', label: '党员（机关第一党支部）' },
	{ role: 'secretary', phone: '13800000003', name: '陈德厚', label: '书记（离退休党支部）' }
] as const;

const OFFICE_MEMBERS = ['刘洋', '杨静', '赵磊', '黄丽娟', '周强', '吴敏', '徐涛', '孙晓燕', '马俊', '胡玉兰', '郭志刚', '何婷', '高鹏', '林小芳', '罗文', '梁晨', '宋佳'];
const RETIRED_MEMBERS = ['郑桂英', '谢振华', '韩秀珍', '唐国庆', '冯淑芬', '于长林', '董凤英', '萧德明', '程玉梅', '曹建华', '袁秀兰'];

/** 示范党委 with two branches of two groups each, 32 people (a third retired), two secretaries and one admin. */
/** `uploadsDir`: where the demo recording is stored (beside the database file unless told). */
export async function seedDemo(db: Db, now = Date.now(), uploadsDir = join(dirname(db.$client.name), 'uploads')): Promise<void> {
	const repo = peopleRepo(db);
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const unit = (parentId: string | null, kind: 'committee' | 'branch' | 'group', name: string, sort: number) =>
		repo.insertOrgUnit({ id: uuidv7(now), parentId, kind, name, sort, isDemo: true, now });

	const committee = await unit(null, 'committee', '示范党委', 0);
	const office = await unit(committee.id, 'branch', '机关第一党支部', 1);
	const officeGroups = [await unit(office.id, 'group', '第一党小组', 1), await unit(office.id, 'group', '第二党小组', 2)];
	const retired = await unit(committee.id, 'branch', '离退休党支部', 2);
	const retiredGroups = [await unit(retired.id, 'group', '城东党小组', 1), await unit(retired.id, 'group', '城西党小组', 2)];

	let phoneSeq = 0;
	const person = async (name: string, branchId: string, groupId: string, extra: { retired?: boolean; activist?: boolean; secretaryOf?: string; adminOf?: string } = {}) => {
		const phone = `138${String(phoneSeq++).padStart(8, '0')}`;
		const id = uuidv7(now);
		await repo.insertUser({
			id,
			phone,
			name,
			passwordHash,
			branchId,
			groupId,
			retired: extra.retired ?? false,
			activist: extra.activist ?? false,
			secretaryOf: extra.secretaryOf ?? null,
			adminOf: extra.adminOf ?? null,
			createdAt: now,
			updatedAt: now
		});
		return id;
	};

	const adminId = await person(DEMO_LOGINS[0].name, office.id, officeGroups[0].id, { adminOf: committee.id });
	const secretaryId = await person(DEMO_LOGINS[1].name, office.id, officeGroups[0].id, { secretaryOf: office.id });
	await person(DEMO_LOGINS[2].name, office.id, officeGroups[0].id);
	const retiredSecretaryId = await person(DEMO_LOGINS[3].name, retired.id, retiredGroups[0].id, { retired: true, secretaryOf: retired.id });
	for (const [i, name] of OFFICE_MEMBERS.entries()) {
		await person(name, office.id, officeGroups[i % 2].id, { activist: i >= OFFICE_MEMBERS.length - 2 });
	}
	for (const [i, name] of RETIRED_MEMBERS.entries()) {
		await person(name, retired.id, retiredGroups[i % 2].id, { retired: true });
	}
	const [, secrecyBank] = await seedQuizDemo(db, committee.id, adminId, now);
	await seedDemoExam(db, office.id, secretaryId, secrecyBank, now);
	await seedDemoContest(db, office.id, secretaryId, now);
	await seedDemoMeetings(db, office.id, secretaryId, [secretaryId, adminId], now);
	committeeRepo(db).replace(office.id, [{ userId: secretaryId, post: 'secretary' }, { userId: adminId, post: 'organisation' }], now);
	committeeRepo(db).replace(retired.id, [{ userId: retiredSecretaryId, post: 'secretary' }], now);
	const modules = await seedStudyDemo(db, committee.id, adminId, now, uploadsDir);
	await seedStudyPlans(db, office.id, office.path, secretaryId, DEMO_LOGINS.map((l) => l.phone), modules, now);
}
