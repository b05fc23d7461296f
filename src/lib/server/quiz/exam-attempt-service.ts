import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { policy } from '../auth/policy';
import { stemHtml } from '../markdown';
import type { Db } from '../db/client';
import { examRepo, type Audience, type AttemptItem, type AttemptRow, type ExamRow } from './exam-repo';
import { closeIfExpired, closeQuietly, finalizeExpired } from './exam-grading';
import { questionRepo } from './question-repo';
import { m } from '$lib/paraglide/messages';
import { attemptPassed } from '$lib/shared/quiz/exam-pass';
import { beijingDay } from '$lib/shared/day';
import { uuidv7 } from '$lib/shared/id';
import { DEADLINE_GRACE_MS, examAnswerSchema, examEventSchema, submitSchema, type AttemptQuestion, type AttemptResult, type AttemptView, type MemberExam } from '$lib/shared/quiz/exam-schemas';
import { drawPaper, type Paper } from '$lib/shared/quiz/paper';
import { BLANK } from '$lib/shared/quiz/parse-text';
import type { QuestionContent } from '$lib/shared/quiz/types';
import { seededShuffle } from '$lib/shared/quiz/shuffle';
import type { Actor } from '$lib/shared/roles';
import { firstIssue } from '$lib/shared/schemas';

async function audienceOf(db: Db, exam: ExamRow) {
	const audience = JSON.parse(exam.audience) as Audience;
	const paths = await examRepo(db).unitPaths(audience.units);
	return { unitPaths: [...paths.values()], groupIds: audience.units, people: audience.people };
}

async function examForMember(db: Db, actor: Actor, examId: string) {
	const exam = await examRepo(db).byId(examId);
	if (!exam || exam.status !== 'published' || !policy.sitExam(actor, await audienceOf(db, exam))) error(404, m.err_exam_missing());
	return exam;
}


/** Published exams the member is on the list for and that have not closed long ago, soonest first. */
export async function memberExams(db: Db, actor: Actor, now = Date.now()): Promise<MemberExam[]> {
	await finalizeExpired(db, now);
	const repo = examRepo(db);
	const mine = await repo.attemptsOfUser(actor.userId);
	const out: MemberExam[] = [];
	for (const exam of await repo.published(now - 7 * 24 * 60 * 60 * 1000)) {
		if (!policy.sitExam(actor, await audienceOf(db, exam))) continue;
		const attempts = mine.filter((a) => a.examId === exam.id);
		const submitted = attempts.filter((a) => a.status !== 'open');
		out.push({
			id: exam.id,
			title: exam.title,
			opensAt: exam.opensAt,
			closesAt: exam.closesAt,
			timeLimitMin: exam.timeLimitMin,
			attemptsLeft: Math.max(0, exam.attemptsAllowed - attempts.length),
			open: now >= exam.opensAt && now < exam.closesAt,
			openAttemptId: attempts.find((a) => a.status === 'open')?.id ?? null,
			lastAttemptId: submitted.at(-1)?.id ?? null,
			pastAttempts: submitted.sort((a, b) => a.number - b.number).map((a) => ({ id: a.id, number: a.number, submittedAt: a.submittedAt }))
		});
	}
	return out;
}

/** The exam's rules and the member's standing, for the page before starting. */
export async function examIntro(db: Db, actor: Actor, examId: string, now = Date.now()) {
	const exam = await examForMember(db, actor, examId);
	return (await memberExams(db, actor, now)).find((e) => e.id === exam.id)!;
}

/**
 * Start an attempt, or resume the one under way. The paper is drawn now for this member (seeded by
 * the attempt id) and frozen; the deadline is the server's: the time limit, but never past closing.
 */
export async function startAttempt(db: Db, actor: Actor, examId: string, now = Date.now()): Promise<{ ok: true; attemptId: string } | { ok: false; message: string }> {
	const exam = await examForMember(db, actor, examId);
	const repo = examRepo(db);
	const attempts = await Promise.all((await repo.attemptsOf(exam.id, actor.userId)).map((a) => closeIfExpired(db, a, now)));
	const open = attempts.find((a) => a.status === 'open');
	if (open) return { ok: true, attemptId: open.id };
	if (now < exam.opensAt || now >= exam.closesAt) return { ok: false, message: m.err_exam_not_open() };
	if (attempts.length >= exam.attemptsAllowed) return { ok: false, message: m.err_exam_no_attempts() };

	const paper = JSON.parse(exam.paper) as Paper;
	const bankIds = paper.kind === 'rules' ? [...new Set(paper.rules.map((r) => r.bankId))] : [];
	const candidates = await repo.candidates(bankIds, paper.kind === 'fixed' ? paper.questionIds : [], beijingDay(now));
	const id = uuidv7(now);
	let items: AttemptItem[];
	try {
		items = drawPaper(paper, candidates, id);
	} catch {
		return { ok: false, message: m.err_exam_not_open() };
	}
	if (exam.shuffleQuestions) items = seededShuffle(items, `${id}:order`);
	if (exam.shuffleOptions) {
		const versions = await questionRepo(db).versions(items);
		items = items.map((item) => {
			const content = versions.get(`${item.questionId}@${item.version}`)?.content;
			return content && (content.type === 'single' || content.type === 'multiple') ? { ...item, optionOrder: seededShuffle(content.options.map((o) => o.key), `${id}:${item.questionId}`) } : item;
		});
	}
	try {
		await repo.insertAttempt({
			id,
			examId: exam.id,
			userId: actor.userId,
			number: attempts.length + 1,
			items: JSON.stringify(items),
			startedAt: now,
			deadline: Math.min(now + exam.timeLimitMin * 60_000, exam.closesAt),
			maxScore: items.reduce((n, i) => n + i.points, 0)
		});
	} catch (e) {
		// Two taps on 开始 at once: the second finds the first's attempt under the same number.
		const raced = (await repo.attemptsOf(exam.id, actor.userId)).find((a) => a.status === 'open');
		if (raced) return { ok: true, attemptId: raced.id };
		throw e;
	}
	return { ok: true, attemptId: id };
}

/** The member's own attempt (closed first if its time is up), or 404. */
async function ownAttempt(db: Db, actor: Actor, attemptId: string, now: number): Promise<AttemptRow> {
	const attempt = await examRepo(db).attempt(attemptId);
	if (!attempt || !policy.actOnOwn(actor, attempt.userId)) error(404, m.err_exam_attempt_missing());
	return closeIfExpired(db, attempt, now);
}

/** The paper as the member sees it while answering: no keys, no explanations, never. */
export async function attemptView(db: Db, actor: Actor, attemptId: string, now = Date.now()): Promise<AttemptView> {
	const attempt = await ownAttempt(db, actor, attemptId, now);
	const exam = (await examRepo(db).byId(attempt.examId))!;
	const items = JSON.parse(attempt.items) as AttemptItem[];
	const versions = await questionRepo(db).versions(items);
	const saved = Object.fromEntries((await examRepo(db).answers(attempt.id)).map((a) => [a.questionId, JSON.parse(a.response) as string[]]));
	return {
		attemptId: attempt.id,
		examId: exam.id,
		title: exam.title,
		deadline: attempt.deadline,
		serverNow: now,
		status: attempt.status,
		saved,
		questions: items.map((item) => paperQuestion(item, versions.get(`${item.questionId}@${item.version}`)!.content))
	};
}

/** One question as the member sees it on their paper: their option order, no key. */
function paperQuestion(item: AttemptItem, c: QuestionContent): AttemptQuestion {
	const options = item.optionOrder ? item.optionOrder.map((k) => c.options.find((o) => o.key === k)!) : c.options;
	return { questionId: item.questionId, type: c.type, stem: c.stem, stemHtml: stemHtml(c.stem), options, blankCount: c.type === 'fill' ? c.stem.split(BLANK).length - 1 : 0, points: item.points };
}

type Prepared = { write: () => void } | { reject: string };

/** Why an answer to this attempt cannot be taken now, or null. */
function refusal(attempt: { userId: string; status: string; deadline: number; items: AttemptItem[] } | undefined, actor: Actor, questionId: string | null, now: number): string | null {
	if (!attempt || attempt.userId !== actor.userId) return m.err_exam_attempt_missing();
	if (attempt.status !== 'open') return m.err_exam_submitted();
	if (now > attempt.deadline + DEADLINE_GRACE_MS) return m.err_exam_closed();
	if (questionId && !attempt.items.some((i) => i.questionId === questionId)) return m.err_exam_not_on_paper();
	return null;
}

/** The `exam.answer` op: the latest save of one answer, accepted until the deadline (plus a grace for the network). */
export function prepareExamAnswer(db: Db, actor: Actor, payload: unknown, deviceAt: number, now: number): Prepared {
	const parsed = v.safeParse(examAnswerSchema, payload);
	if (!parsed.success) return { reject: firstIssue(parsed.issues) };
	const a = parsed.output;
	const repo = examRepo(db);
	const why = refusal(repo.attemptForAnswer(a.attemptId), actor, a.questionId, now);
	if (why) return { reject: why };
	return { write: () => repo.putAnswer(a.attemptId, a.questionId, a.response, deviceAt, now, a.ms) };
}

/** The `exam.event` op: the page was hidden (another app, another tab) during the attempt. */
export function prepareExamEvent(db: Db, actor: Actor, payload: unknown, _deviceAt: number, now: number): Prepared {
	const parsed = v.safeParse(examEventSchema, payload);
	if (!parsed.success) return { reject: firstIssue(parsed.issues) };
	const repo = examRepo(db);
	const why = refusal(repo.attemptForAnswer(parsed.output.attemptId), actor, null, now);
	if (why) return { reject: why };
	return { write: () => repo.countHidden(parsed.output.attemptId) };
}

/**
 * 交卷: the phone sends its whole answer sheet (so a lagging outbox loses nothing), then the attempt
 * is graded. A second submit changes nothing and answers the same result.
 */
export async function submitAttempt(db: Db, actor: Actor, attemptId: string, body: unknown, now = Date.now()): Promise<{ ok: true; result: AttemptResult } | { ok: false; message: string }> {
	const attempt = await ownAttempt(db, actor, attemptId, now);
	const repo = examRepo(db);
	const exam = (await repo.byId(attempt.examId))!;
	if (attempt.status === 'open') {
		const parsed = v.safeParse(submitSchema, body);
		if (!parsed.success) return { ok: false, message: firstIssue(parsed.issues) };
		// Past the deadline (and its grace) the sheet is ignored: the attempt closes with what the server already had.
		const sheet = now <= attempt.deadline + DEADLINE_GRACE_MS ? parsed.output.answers.map((a) => ({ ...a, ms: a.ms ?? null })) : [];
		await closeQuietly(db, attempt, now, exam.showResults === 'on_submit', sheet);
	}
	return { ok: true, result: await attemptResult(db, actor, attemptId, now) };
}

/** The member's result, as far as the exam's settings allow them to see it. */
export async function attemptResult(db: Db, actor: Actor, attemptId: string, now = Date.now()): Promise<AttemptResult> {
	const attempt = await ownAttempt(db, actor, attemptId, now);
	if (attempt.status === 'open') error(409, m.err_exam_not_open());
	const exam = (await examRepo(db).byId(attempt.examId))!;
	const visible = exam.showResults === 'on_submit' || (exam.showResults === 'after_close' && now >= exam.closesAt);
	const base = { attemptId, status: attempt.status as 'marking' | 'graded', maxScore: attempt.maxScore };
	if (!visible) return { ...base, score: null, passed: null, review: null, heldUntil: exam.showResults === 'after_close' ? exam.closesAt : null };
	const items = JSON.parse(attempt.items) as AttemptItem[];
	const versions = await questionRepo(db).versions(items);
	const answers = new Map((await examRepo(db).answers(attempt.id)).map((a) => [a.questionId, a]));
	return {
		...base,
		score: attempt.score,
		passed: attempt.status === 'graded' ? attemptPassed(attempt, exam.passPercent) : null,
		heldUntil: null,
		review: items.map((item) => {
			const c = versions.get(`${item.questionId}@${item.version}`)!.content;
			const a = answers.get(item.questionId);
			return {
				...paperQuestion(item, c),
				response: a ? (JSON.parse(a.response) as string[]) : [],
				answer: c.answer,
				blanks: c.blanks,
				reference: c.reference,
				explanation: c.explanation,
				score: a?.score ?? (attempt.status === 'graded' ? 0 : null),
				correct: a?.correct ?? null,
				comment: a?.comment ?? null
			};
		})
	};
}
