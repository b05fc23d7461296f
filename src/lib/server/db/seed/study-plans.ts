import type { Db } from '../client';
import { peopleRepo } from '../../people/repo';
import { planRepo } from '../../study/plan-repo';
import { progressRepo } from '../../study/progress-repo';
import { reflectionRepo } from '../../study/reflection-repo';
import type { DemoModuleIds } from './study';
import { beijingDay } from '$lib/shared/day';
import { uuidv7 } from '$lib/shared/id';
import { readingMinutes } from '$lib/shared/study/reading-time';

const DAY = 24 * 60 * 60 * 1000;

const REFLECTIONS = [
	'通过学习，我认识到组织生活不能只是念文件，要让每名党员都有话说、有事做。我所在的科室业务忙，以前总觉得党建是额外负担，现在明白了抓好党建正是为了把业务干得更好。今后我要在主题党日中主动发言，带头把学习成果用到工作中去。',
	'这次学习让我对“两张皮”问题有了更深的认识。党务和业务不是两件事，支部的学习研讨应当围绕单位的中心工作来开展。我准备结合本岗位的办文工作，认真落实学习计划，按时参加三会一课，做到学有所思、学有所得。',
	'保密工作无小事。学习后我对照检查了自己的习惯：手机里存过工作文件的截图，办公室的柜子有时没锁。这些都是隐患，我已经删除了截图，今后离开办公室一定锁好柜子，做到涉密计算机不上网、U 盘不混用。',
	'作为一名老党员，退休后参加组织生活的机会少了。支部把学习材料发到手机上，字也能放大，很方便。我读了三会一课的内容，回想起在岗时支部开会的情景，今后我一定按时交纳党费，力所能及地参加社区志愿服务。'
];

/**
 * Two plans for 机关第一党支部 with a mix of progress: October's secrecy plan is over (some members done
 * and graded, the rest overdue); November's plan is under way, with reflections waiting for review.
 */
export async function seedStudyPlans(db: Db, branchId: string, branchPath: string, secretaryId: string, demoLogins: string[], modules: DemoModuleIds, now: number): Promise<void> {
	const repo = planRepo(db);
	// The demo logins (admin, secretary, member) start with a clean slate: journeys and visitors try them out.
	const everyone = (await peopleRepo(db).peopleUnder([branchPath], [])).sort((a, b) => a.phone.localeCompare(b.phone));
	const members = everyone.filter((p) => !demoLogins.includes(p.phone));
	const audience = JSON.stringify({ units: [branchId], people: [] });
	const base = { branchId, audience, minMinutes: null, minReflectionChars: 50, createdBy: secretaryId, createdAt: now - 40 * DAY, updatedAt: now - 40 * DAY };
	const october = uuidv7(now - 40 * DAY);
	await repo.insert({ ...base, id: october, title: '十月保密知识学习', startsOn: beijingDay(now - 40 * DAY), dueOn: beijingDay(now - 10 * DAY), peerComments: false }, [modules.secrecy]);
	const november = uuidv7(now - 14 * DAY);
	await repo.insert(
		{ ...base, id: november, title: '十一月集中学习：基层党建与支部工作条例', startsOn: beijingDay(now - 14 * DAY), dueOn: beijingDay(now + 7 * DAY), peerComments: true, createdAt: now - 14 * DAY, updatedAt: now - 14 * DAY },
		[modules.partyBuilding, modules.charter]
	);

	const lessons = await repo.lessonsOf([modules.secrecy, modules.partyBuilding, modules.charter]);
	const progress = progressRepo(db);
	const reflections = reflectionRepo(db);
	let seq = 0;
	const readAll = (userId: string, moduleId: string, at: number) => {
		for (const l of lessons.filter((x) => x.moduleId === moduleId)) {
			const ms = (readingMinutes(l.body) + 1) * 60_000;
			progress.credit({ id: uuidv7(at + seq++), userId, lessonId: l.id, day: beijingDay(at), fromAt: at, toAt: at + ms, claimedMs: ms, creditedMs: ms, now: at + ms });
			at += ms;
		}
	};
	const reflect = async (userId: string, moduleId: string, planId: string, body: string, at: number, grade?: 'excellent' | 'good' | 'pass') => {
		const id = uuidv7(at + seq++);
		reflections.upsert({ id, userId, branchId, moduleId, planId, body, at, now: at });
		if (grade) await reflections.review(id, { status: 'reviewed', grade, reviewComment: '联系实际，体会真切。', reviewedBy: secretaryId, reviewedAt: at + DAY, updatedAt: at + DAY });
	};

	// October: the first four finished and were graded; the rest are overdue (two read but wrote nothing).
	for (const [i, p] of members.slice(0, 6).entries()) {
		readAll(p.id, modules.secrecy, now - (30 - i) * DAY);
		if (i < 4) await reflect(p.id, modules.secrecy, october, REFLECTIONS[2], now - (29 - i) * DAY, i === 0 ? 'excellent' : 'good');
	}
	// November: three have read the first module and handed in reflections waiting for review; two are part-way.
	for (const [i, p] of members.slice(0, 5).entries()) {
		if (i < 3) {
			readAll(p.id, modules.partyBuilding, now - (5 - i) * DAY);
			await reflect(p.id, modules.partyBuilding, november, REFLECTIONS[i % 2], now - (4 - i) * DAY);
		} else {
			const first = lessons.find((l) => l.moduleId === modules.charter)!;
			const ms = 2 * 60_000;
			progress.credit({ id: uuidv7(now + seq++), userId: p.id, lessonId: first.id, day: beijingDay(now - DAY), fromAt: now - DAY, toAt: now - DAY + ms, claimedMs: ms, creditedMs: ms, now: now - DAY + ms });
		}
	}
}
