import type { Db } from '../db/client';
import { examRepo, type ExamRow } from '../quiz/exam-repo';

/**
 * A meeting may ask absentees to pass an exam as part of their 补学. Only a published exam that has not
 * closed and is set for the whole branch (a unit at or above it) may be linked, so everyone who owes a
 * 补学 may sit it; and only one that shows results on hand-in, so the 补学 page telling "passed" never
 * gives away a result the exam holds back.
 */
async function coversBranch(db: Db, exam: ExamRow, branchPath: string): Promise<boolean> {
	if (exam.status !== 'published' || exam.showResults !== 'on_submit') return false;
	const units = (JSON.parse(exam.audience) as { units: string[] }).units;
	const paths = await examRepo(db).unitPaths(units);
	return [...paths.values()].some((p) => branchPath.startsWith(p));
}

/** For each branch, the exams its meetings may link. */
export async function makeupExamChoices(db: Db, branches: { id: string; path: string }[], now: number) {
	const open = await examRepo(db).published(now);
	const byBranch = new Map<string, string[]>();
	for (const b of branches) {
		const ids: string[] = [];
		for (const exam of open) if (await coversBranch(db, exam, b.path)) ids.push(exam.id);
		byBranch.set(b.id, ids);
	}
	const used = new Set([...byBranch.values()].flat());
	return { byBranch, exams: open.filter((e) => used.has(e.id)).map((e) => ({ id: e.id, title: e.title, closesAt: e.closesAt })) };
}

/** Whether the meeting form's exam may be linked (an empty choice is always fine). */
export async function linkableExam(db: Db, examId: string, branchPath: string, now: number): Promise<boolean> {
	if (!examId) return true;
	const exam = await examRepo(db).byId(examId);
	return !!exam && exam.closesAt > now && (await coversBranch(db, exam, branchPath));
}
