import type { Db } from '../db/client';
import { examRepo, type ExamRow } from '../quiz/exam-repo';

/**
 * A meeting may ask absentees to pass an exam as part of their 补学. Only a published exam that has not
 * closed and is set for the whole branch (a unit at or above it) may be linked, so everyone who owes a
 * 补学 may sit it; and only one that shows results on hand-in, so the 补学 page telling "passed" never
 * gives away a result the exam holds back.
 */
async function audiencePaths(db: Db, exam: ExamRow): Promise<string[] | null> {
	if (exam.status !== 'published' || exam.showResults !== 'on_submit') return null;
	const units = (JSON.parse(exam.audience) as { units: string[] }).units;
	return [...(await examRepo(db).unitPaths(units)).values()];
}
const covers = (paths: string[] | null, branchPath: string) => !!paths?.some((p) => branchPath.startsWith(p));

/** For each branch, the exams its meetings may link. */
export async function makeupExamChoices(db: Db, branches: { id: string; path: string }[], now: number) {
	const open = await Promise.all((await examRepo(db).published(now)).map(async (exam) => ({ exam, paths: await audiencePaths(db, exam) })));
	const byBranch = new Map(branches.map((b) => [b.id, open.filter((e) => covers(e.paths, b.path)).map((e) => e.exam.id)]));
	const used = new Set([...byBranch.values()].flat());
	return { byBranch, exams: open.filter((e) => used.has(e.exam.id)).map(({ exam }) => ({ id: exam.id, title: exam.title, closesAt: exam.closesAt })) };
}

/** Whether the meeting form's exam may be linked (an empty choice is always fine). */
export async function linkableExam(db: Db, examId: string, branchPath: string, now: number): Promise<boolean> {
	if (!examId) return true;
	const exam = await examRepo(db).byId(examId);
	return !!exam && exam.closesAt > now && covers(await audiencePaths(db, exam), branchPath);
}
