import type { XianfengDb } from '../offline/db';
import type { AttemptResult, AttemptView, MemberExam } from '$lib/shared/quiz/exam-schemas';

/**
 * An exam attempt on the phone: the paper (never with keys) and the member's answers, kept in
 * IndexedDB so a reload or a dropped connection resumes where the member was.
 */
export interface LocalAnswer {
	response: string[];
	savedAt: number;
	ms: number | null;
}
export type LocalAnswers = Record<string, LocalAnswer>;
export type ExamIntro = MemberExam;

const viewKey = (examId: string) => `exam.view.${examId}`;
const answersKey = (attemptId: string) => `exam.answers.${attemptId}`;

export class ExamHttpError extends Error {
	constructor(
		message: string,
		readonly status: number
	) {
		super(message);
	}
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
	const res = await fetch(path, { credentials: 'same-origin', ...init, headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) } });
	const body = await res.json().catch(() => ({}));
	if (!res.ok) throw new ExamHttpError((body as { message?: string }).message ?? `HTTP ${res.status}`, res.status);
	return body as T;
}

export const fetchIntro = (examId: string) => call<ExamIntro>(`/api/exams/${encodeURIComponent(examId)}/intro`);
export const fetchResult = (attemptId: string) => call<AttemptResult>(`/api/exams/attempts/${encodeURIComponent(attemptId)}/result`);

/** Start (or resume) on the server and keep the paper on the phone. */
export async function startExam(db: XianfengDb, examId: string): Promise<{ view: AttemptView; offsetMs: number }> {
	const { attemptId } = await call<{ attemptId: string }>(`/api/exams/${encodeURIComponent(examId)}/start`, { method: 'POST' });
	return refreshView(db, examId, attemptId);
}

/** The paper from the server, with its clock: deadlines are the server's, so the phone's clock error is measured. */
export async function refreshView(db: XianfengDb, examId: string, attemptId: string): Promise<{ view: AttemptView; offsetMs: number }> {
	const sent = Date.now();
	const view = await call<AttemptView>(`/api/exams/attempts/${encodeURIComponent(attemptId)}`);
	const offsetMs = view.serverNow - (sent + Date.now()) / 2;
	await db.kv.put({ key: viewKey(examId), value: { view, offsetMs } });
	return { view, offsetMs };
}

export async function storedView(db: XianfengDb, examId: string): Promise<{ view: AttemptView; offsetMs: number } | null> {
	return ((await db.kv.get(viewKey(examId)))?.value as { view: AttemptView; offsetMs: number } | undefined) ?? null;
}

export async function localAnswers(db: XianfengDb, attemptId: string): Promise<LocalAnswers> {
	return ((await db.kv.get(answersKey(attemptId)))?.value as LocalAnswers | undefined) ?? {};
}

export async function saveLocalAnswers(db: XianfengDb, attemptId: string, answers: LocalAnswers): Promise<void> {
	await db.kv.put({ key: answersKey(attemptId), value: answers });
}

export async function submitExam(attemptId: string, answers: LocalAnswers): Promise<AttemptResult> {
	const sheet = Object.entries(answers).map(([questionId, a]) => ({ questionId, response: a.response, savedAt: a.savedAt, ms: a.ms }));
	return call<AttemptResult>(`/api/exams/attempts/${encodeURIComponent(attemptId)}/submit`, { method: 'POST', body: JSON.stringify({ answers: sheet }) });
}

/** After submission the phone forgets the paper and the answers. */
export async function forgetAttempt(db: XianfengDb, examId: string, attemptId: string): Promise<void> {
	await db.kv.bulkDelete([viewKey(examId), answersKey(attemptId)]);
}
