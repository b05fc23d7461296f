import { error } from '@sveltejs/kit';
import { policy } from '../auth/policy';
import type { Db } from '../db/client';
import { recordAudit } from '../audit/audit-service';
import { managedExams } from './exam-admin-service';
import { examRepo, type AttemptItem } from './exam-repo';
import { finalizeExpired, rescore } from './exam-grading';
import { questionRepo } from './question-repo';
import { m } from '$lib/paraglide/messages';
import type { Outcome } from './bank-service';
import type { Actor } from '$lib/shared/roles';

export interface MarkingItem {
	attemptId: string;
	questionId: string;
	examTitle: string;
	name: string;
	stem: string;
	reference: string;
	response: string;
	points: number;
	submittedAt: number;
}

/** 简答 answers waiting for a mark in the exams the actor manages, oldest submission first. */
export async function markingQueue(db: Db, actor: Actor, now = Date.now()): Promise<MarkingItem[]> {
	await finalizeExpired(db, now);
	const repo = examRepo(db);
	const waiting: { exam: { title: string }; attempt: Awaited<ReturnType<typeof repo.attemptsOfExam>>[number]; items: AttemptItem[] }[] = [];
	for (const exam of await managedExams(db, actor)) {
		for (const attempt of await repo.attemptsOfExam(exam.id)) {
			if (attempt.status === 'marking') waiting.push({ exam, attempt, items: JSON.parse(attempt.items) as AttemptItem[] });
		}
	}
	// One query for all their answers and one for all the versions asked.
	const answers = await repo.answersOf(waiting.map((w) => w.attempt.id));
	const versions = await questionRepo(db).versions(waiting.flatMap((w) => w.items));
	const queue: MarkingItem[] = [];
	for (const { exam, attempt, items } of waiting) {
		for (const answer of answers.get(attempt.id)!) {
			const item = items.find((i) => i.questionId === answer.questionId);
			const content = item && versions.get(`${item.questionId}@${item.version}`)?.content;
			const text = (JSON.parse(answer.response) as string[]).join('\n').trim();
			if (!item || !content || content.type !== 'essay' || answer.score !== null || !text) continue;
			queue.push({
				attemptId: attempt.id,
				questionId: item.questionId,
				examTitle: exam.title,
				name: attempt.name,
				stem: content.stem,
				reference: content.reference,
				response: text,
				points: item.points,
				submittedAt: attempt.submittedAt ?? attempt.startedAt
			});
		}
	}
	return queue.sort((a, b) => a.submittedAt - b.submittedAt);
}

/** Mark one 简答 answer; the attempt's score is final once none is left. */
export async function markAnswer(db: Db, actor: Actor, attemptId: string, questionId: string, score: number, comment: string, now = Date.now()): Promise<Outcome<object>> {
	const repo = examRepo(db);
	const attempt = await repo.attempt(attemptId);
	const exam = attempt && (await repo.byId(attempt.examId));
	if (!attempt || !exam || !policy.manageExam(actor, exam.ownerPath)) error(404, m.err_exam_attempt_missing());
	const item = (JSON.parse(attempt.items) as AttemptItem[]).find((i) => i.questionId === questionId);
	if (!item) error(404, m.err_exam_not_on_paper());
	if (!Number.isFinite(score) || score < 0 || score > item.points) return { ok: false, message: m.err_mark_score({ max: item.points }) };
	await repo.updateAnswer(attemptId, questionId, { score, correct: score >= item.points, comment: comment.trim().slice(0, 500) || null, markedBy: actor.userId, markedAt: now });
	await rescore(db, attemptId, now);
	recordAudit(db, actor, 'exam.mark', { targetId: attemptId, summary: exam.title, unitPath: exam.ownerPath }, now);
	return { ok: true };
}
