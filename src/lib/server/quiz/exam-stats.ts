import type { Db } from '../db/client';
import { examToManage } from './exam-admin-service';
import { examRepo, type AttemptItem } from './exam-repo';
import { questionRepo } from './question-repo';
import { itemStatistics, type GradedAttempt } from '$lib/shared/quiz/item-stats';
import type { QuestionType } from '$lib/shared/quiz/types';
import type { Actor } from '$lib/shared/roles';

export interface ItemRow {
	questionId: string;
	type: QuestionType;
	stem: string;
	options: { key: string; count: number }[];
	attempts: number;
	facility: number | null;
	discrimination: number | null;
}

/** Item analysis of one exam over its graded attempts, in paper order of first appearance. */
export async function examItemStats(db: Db, actor: Actor, examId: string): Promise<ItemRow[]> {
	await examToManage(db, actor, examId);
	const repo = examRepo(db);
	const graded = (await repo.attemptsOfExam(examId)).filter((a) => a.status === 'graded');
	const data: GradedAttempt[] = [];
	const versionsWanted: AttemptItem[] = [];
	const answersByAttempt = await repo.answersOf(graded.map((a) => a.id));
	for (const a of graded) {
		const items = JSON.parse(a.items) as AttemptItem[];
		versionsWanted.push(...items);
		const answers = new Map(answersByAttempt.get(a.id)!.map((x) => [x.questionId, x]));
		data.push({
			total: a.score ?? 0,
			items: items.map((i) => {
				const answer = answers.get(i.questionId);
				return { questionId: i.questionId, score: answer?.score ?? 0, maxScore: i.points, response: answer ? (JSON.parse(answer.response) as string[]) : [] };
			})
		});
	}
	const contents = new Map([...(await questionRepo(db).versions(versionsWanted)).entries()].map(([k, v]) => [k.split('@')[0], v.content]));
	return itemStatistics(data).map((s) => {
		const c = contents.get(s.questionId)!;
		const choice = c.type === 'single' || c.type === 'multiple' || c.type === 'judge';
		const keys = c.type === 'judge' ? ['true', 'false'] : c.options.map((o) => o.key);
		return {
			questionId: s.questionId,
			type: c.type,
			stem: c.stem,
			options: choice ? keys.map((key) => ({ key, count: s.optionCounts[key] ?? 0 })) : [],
			attempts: s.attempts,
			facility: s.facility,
			discrimination: s.discrimination
		};
	});
}
