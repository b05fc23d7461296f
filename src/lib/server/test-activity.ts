import { createMeetings } from './attendance/meeting-admin-service';
import type { Db } from './db/client';
import { listBanks } from './quiz/bank-service';
import { createExam, publishExam } from './quiz/exam-admin-service';
import { attemptView, startAttempt, submitAttempt } from './quiz/exam-attempt-service';
import { questionRepo } from './quiz/question-repo';
import { beijingParts } from '$lib/shared/checkin/meeting-form';
import { formatBeijingLocal } from '$lib/shared/day';
import type { Actor } from '$lib/shared/roles';

/** Learning activity for server tests that need a member to have done things (points, records, reports). */
const MIN = 60_000;

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

/** A 支部党员大会 of the secretary's whole branch, 10:00–11:30 Beijing on the day of `at`. */
export async function branchMeeting(db: Db, secretary: Actor, at: number, title = '十一月支部党员大会'): Promise<string> {
	const r = await createMeetings(
		db,
		secretary,
		{ branchId: secretary.secretaryOf!.id, type: 'assembly', title, date: beijingParts(at).date, startTime: '10:00', endTime: '11:30', place: '', host: '', agenda: '', graceMin: '5', repeat: 'none', repeatCount: '1', audienceUnits: [], audiencePhones: [], materials: [] },
		at - 60 * MIN
	);
	if (!r.ok) throw new Error(r.message);
	return r.ids[0];
}
