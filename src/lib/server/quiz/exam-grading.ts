import type { Db } from '../db/client';
import { awards } from '../points/awards';
import { examRepo, type AttemptItem, type AttemptRow } from './exam-repo';
import { practiceRepo } from './practice-repo';
import { questionRepo } from './question-repo';
import { DEADLINE_GRACE_MS } from '$lib/shared/quiz/exam-schemas';
import { grade } from '$lib/shared/quiz/grade';
import { answeredTooFast } from '$lib/shared/quiz/integrity';
import { afterAnswer } from '$lib/shared/quiz/mistakes';

const round2 = (n: number) => Math.round(n * 100) / 100;

/** An answer as the phone sends it with 交卷. */
export interface SheetAnswer {
	questionId: string;
	response: string[];
	savedAt: number;
	ms: number | null;
}

/**
 * Close an attempt with the answers the server holds, merged with the sheet sent at hand-in (the
 * newer save of each answer wins): grade every objective answer from the version on the paper,
 * leave non-empty 简答 for marking, count answers too fast to have been read. Wrong answers join the
 * 错题本 when the exam shows answers on submission (otherwise the book would give the key away).
 * All writes go in one transaction.
 */
export async function finalizeAttempt(db: Db, attempt: AttemptRow, now: number, showAnswers: boolean, sheet: SheetAnswer[] = []): Promise<void> {
	if (attempt.status !== 'open') return;
	const repo = examRepo(db);
	const items = JSON.parse(attempt.items) as AttemptItem[];
	const onPaper = new Set(items.map((i) => i.questionId));
	const held = new Map((await repo.answers(attempt.id)).map((a) => [a.questionId, { response: JSON.parse(a.response) as string[], savedAt: a.savedAt, ms: a.durationMs }]));
	const incoming = sheet.filter((a) => onPaper.has(a.questionId) && a.savedAt >= (held.get(a.questionId)?.savedAt ?? -1));
	for (const a of incoming) held.set(a.questionId, { response: a.response, savedAt: a.savedAt, ms: a.ms });
	const versions = await questionRepo(db).versions(items);

	let score = 0;
	let waiting = false;
	let fast = 0;
	const marks: { questionId: string; score: number; correct: boolean }[] = [];
	const wrong: string[] = [];
	for (const item of items) {
		const v = versions.get(`${item.questionId}@${item.version}`);
		const answer = held.get(item.questionId);
		if (!v || !answer) continue;
		if (answeredTooFast(v.content.stem, answer.ms)) fast++;
		const g = grade(v.content, answer.response, item.points, { partialCredit: v.partialCredit });
		if (g.status === 'needs_marking') {
			if (answer.response.some((r) => r.trim())) waiting = true;
			else marks.push({ questionId: item.questionId, score: 0, correct: false });
			continue;
		}
		score += g.score;
		if (!g.correct) wrong.push(item.questionId);
		marks.push({ questionId: item.questionId, score: g.score, correct: g.correct });
	}
	const submittedAt = Math.min(now, attempt.deadline);
	const book = practiceRepo(db);
	const exam = waiting ? undefined : await repo.byId(attempt.examId);
	await repo.inTransaction(() => {
		for (const a of incoming) repo.putAnswer(attempt.id, a.questionId, a.response, a.savedAt, now, a.ms);
		for (const mk of marks) repo.setMark(attempt.id, mk.questionId, mk.score, mk.correct);
		if (!repo.finish(attempt.id, waiting ? 'marking' : 'graded', round2(score), submittedAt, fast)) throw new AlreadyClosed();
		if (showAnswers) for (const id of wrong) book.putMistake(attempt.userId, id, afterAnswer(book.mistake(attempt.userId, id), false, submittedAt), now);
		if (exam) awards.exam(db, attempt.userId, exam, round2(score), attempt.maxScore, submittedAt, now);
	});
}

/** Thrown inside the hand-in transaction when another request closed the attempt first: nothing is written twice. */
class AlreadyClosed extends Error {}

/** One attempt, closed with what was saved if its deadline (and the grace for slow networks) has passed. Returns it as it now stands. */
export async function closeIfExpired(db: Db, attempt: AttemptRow, now: number): Promise<AttemptRow> {
	if (attempt.status !== 'open' || now <= attempt.deadline + DEADLINE_GRACE_MS) return attempt;
	const exam = await examRepo(db).byId(attempt.examId);
	await closeQuietly(db, attempt, now, exam?.showResults === 'on_submit');
	return (await examRepo(db).attempt(attempt.id)) ?? attempt;
}

/** Attempts past their deadline (and the grace for slow networks) close with what was saved. */
export async function finalizeExpired(db: Db, now = Date.now()): Promise<number> {
	const repo = examRepo(db);
	const due = await repo.openPastDeadline(now - DEADLINE_GRACE_MS);
	for (const attempt of due) {
		const exam = await repo.byId(attempt.examId);
		await closeQuietly(db, attempt, now, exam?.showResults === 'on_submit');
	}
	return due.length;
}

/** Recompute an attempt's score after marking; it is final once no 简答 waits. */
export async function rescore(db: Db, attemptId: string, now = Date.now()): Promise<void> {
	const repo = examRepo(db);
	const answers = await repo.answers(attemptId);
	const attempt = await repo.attempt(attemptId);
	if (!attempt) return;
	const items = JSON.parse(attempt.items) as AttemptItem[];
	const onPaper = new Set(items.map((i) => i.questionId));
	const waiting = answers.some((a) => onPaper.has(a.questionId) && a.score === null && (JSON.parse(a.response) as string[]).some((r) => r.trim()));
	const score = round2(answers.reduce((n, a) => n + (a.score ?? 0), 0));
	await repo.updateAttempt(attemptId, { score, status: waiting ? 'marking' : 'graded' });
	const exam = waiting ? undefined : await repo.byId(attempt.examId);
	if (exam) awards.exam(db, attempt.userId, exam, score, attempt.maxScore, now, now);
}

/** finalizeAttempt, where losing a race to another closer is fine (the attempt is closed either way). */
export async function closeQuietly(db: Db, attempt: AttemptRow, now: number, showAnswers: boolean, sheet: SheetAnswer[] = []): Promise<void> {
	try {
		await finalizeAttempt(db, attempt, now, showAnswers, sheet);
	} catch (e) {
		if (!(e instanceof AlreadyClosed)) throw e;
	}
}
