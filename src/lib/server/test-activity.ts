import { createMeetings } from './attendance/meeting-admin-service';
import { closeMeeting, markAttendance } from './attendance/meeting-roster-service';
import type { Db } from './db/client';
import { listBanks } from './quiz/bank-service';
import { createExam, publishExam } from './quiz/exam-admin-service';
import { attemptView, startAttempt, submitAttempt } from './quiz/exam-attempt-service';
import { practiceBanks, practiceSet } from './quiz/practice-service';
import { questionRepo } from './quiz/question-repo';
import { library, moduleForMember } from './study/module-service';
import { reviewReflection } from './study/reflection-service';
import { demoActor, pushOne } from './test-db';
import { beijingParts } from '$lib/shared/checkin/meeting-form';
import { formatBeijingLocal } from '$lib/shared/day';
import { uuidv7 } from '$lib/shared/id';
import type { Actor } from '$lib/shared/roles';

/** Learning activity for server tests that need a member to have done things (points, records, reports). */
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/** A published five-question 判断 exam from the demo secrecy bank for the secretary's branch, two attempts, pass at 60 %. */
export async function judgeExam(db: Db, secretary: Actor, at: number, title = '保密知识测试'): Promise<string> {
	const bank = (await listBanks(db, secretary)).find((b) => b.name === '保密与安全常识')!;
	const made = await createExam(
		db,
		secretary,
		{
			title,
			ownerUnitId: secretary.secretaryOf!.id,
			opens: formatBeijingLocal(at - MIN),
			closes: formatBeijingLocal(at + 24 * 60 * MIN),
			timeLimitMin: '30',
			attemptsAllowed: '2',
			passPercent: '60',
			shuffleQuestions: true,
			shuffleOptions: true,
			showResults: 'on_submit',
			audienceUnits: [secretary.secretaryOf!.id],
			rules: [{ bankId: bank.id, type: 'judge', count: '5' }]
		},
		at
	);
	if (!made.ok) throw new Error(made.message);
	await publishExam(db, secretary, made.id, at);
	return made.id;
}

/** Sit a judge exam, answering `rightCount` of its questions right, handed in two minutes later. */
export async function sitJudgeExam(db: Db, member: Actor, examId: string, rightCount: number, at: number): Promise<void> {
	const started = await startAttempt(db, member, examId, at);
	if (!started.ok) throw new Error(started.message);
	const view = await attemptView(db, member, started.attemptId, at);
	const answers = await Promise.all(
		view.questions.map(async (q, i) => {
			const key = (await questionRepo(db).byId(q.questionId))!.answer[0];
			return { questionId: q.questionId, response: [i < rightCount ? key : key === 'true' ? 'false' : 'true'], savedAt: at + MIN };
		})
	);
	await submitAttempt(db, member, started.attemptId, { answers }, at + 2 * MIN);
}

/** The meeting form as typed: a 支部党员大会 of the whole branch, 10:00–11:30 on a Beijing date; `over` changes any field. */
export const meetingInput = (branchId: string, date: string, over: Record<string, unknown> = {}) => ({
	branchId,
	type: 'assembly',
	title: '十一月支部党员大会',
	date,
	startTime: '10:00',
	endTime: '11:30',
	place: '三楼会议室',
	host: '李红梅',
	agenda: '',
	graceMin: '5',
	repeat: 'none',
	repeatCount: '1',
	audienceUnits: [] as string[],
	audiencePhones: [] as string[],
	materials: [] as string[],
	...over
});

/** A 支部党员大会 of the secretary's whole branch, 10:00–11:30 Beijing on the day of `at`. */
export async function branchMeeting(db: Db, secretary: Actor, at: number, title = '十一月支部党员大会'): Promise<string> {
	const r = await createMeetings(db, secretary, meetingInput(secretary.secretaryOf!.id, beijingParts(at).date, { title, place: '', host: '' }), at - 60 * MIN);
	if (!r.ok) throw new Error(r.message);
	return r.ids[0];
}

/** 张伟's week from `T0` (a Monday 10:00 in Beijing): he reads, practises, writes a reflection graded 良好, passes an exam, comes to one meeting and misses another. */
export async function aWeekOfLearning(db: Db, T0: number) {
	const secretary = await demoActor(db, '13800000001', T0);
	const member = await demoActor(db, '13800000002', T0);
	const moduleId = (await library(db, member)).find((x) => x.title === '机关公文处理基础')!.id;
	const lessons = (await moduleForMember(db, member, moduleId)).lessons;
	await pushOne(db, member, 'study.progress', { lessonId: lessons[0].id, fromAt: T0, toAt: T0 + 12 * MIN, ms: 12 * MIN }, T0 + 12 * MIN);

	const bank = (await practiceBanks(db, member))[0];
	const judges = (await practiceSet(db, member, bank.id, T0)).questions.filter((q) => q.type === 'judge').slice(0, 3);
	for (const [i, q] of judges.entries()) {
		const response = i < 2 ? q.answer : [q.answer[0] === 'true' ? 'false' : 'true'];
		await pushOne(db, member, 'practice.answer', { questionId: q.id, version: q.version, mode: 'practice', response, ms: 20_000 }, T0 + DAY + i * MIN);
	}

	const reflectionId = uuidv7(T0);
	const body = '学习了常用公文文种以后，我认识到请示和报告不能混用：请示要一文一事，报告里不能夹带请示事项。以后起草公文前要先想清楚。';
	await pushOne(db, member, 'reflection.submit', { reflectionId, moduleId, body }, T0 + 2 * DAY);
	await reviewReflection(db, secretary, reflectionId, { action: 'grade', grade: 'good', comment: '' }, T0 + 2 * DAY + MIN);

	const examId = await judgeExam(db, secretary, T0 + 3 * DAY);
	await sitJudgeExam(db, member, examId, 5, T0 + 3 * DAY);

	const came = await branchMeeting(db, secretary, T0 + 4 * DAY, '十一月支部党员大会');
	await markAttendance(db, secretary, came, { userId: member.userId, status: 'present' }, T0 + 4 * DAY + MIN);
	await closeMeeting(db, secretary, came, T0 + 4 * DAY + 2 * 60 * MIN);
	const missed = await branchMeeting(db, secretary, T0 + 5 * DAY, '主题党日');
	await closeMeeting(db, secretary, missed, T0 + 5 * DAY + 2 * 60 * MIN);
	return { secretary, member };
}
