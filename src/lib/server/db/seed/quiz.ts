import type { Db } from '../client';
import { bankRepo } from '../../quiz/bank-repo';
import { examRepo } from '../../quiz/exam-repo';
import { questionRepo } from '../../quiz/question-repo';
import { PARTY_RULES_BANK } from './bank-party-rules';
import { SECRECY_BANK } from './bank-secrecy';
import { uuidv7 } from '$lib/shared/id';
import { normaliseStem } from '$lib/shared/quiz/normalise-stem';
import { DEFAULT_POINTS, type Paper } from '$lib/shared/quiz/paper';
import { parseQuestionText } from '$lib/shared/quiz/parse-text';

export const DEMO_BANKS = [
	{ name: '党章党规基础', track: 'political', purpose: 'practice', text: PARTY_RULES_BANK, description: '党章、支部工作条例、党员教育管理和发展党员的基础知识。练习题库：可以下载到手机离线练习。' },
	{ name: '保密与安全常识', track: 'business', purpose: 'exam', text: SECRECY_BANK, description: '保密法、国家安全、网络与反诈、消防安全常识。考试题库：答案不会提前发到手机。' }
] as const;

/** The two demo banks, owned by the whole organisation, written through the real parser. */
export async function seedQuizDemo(db: Db, committeeId: string, adminId: string, now: number): Promise<string[]> {
	const ids: string[] = [];
	let seq = now;
	for (const demo of DEMO_BANKS) {
		const { questions, errors } = parseQuestionText(demo.text);
		if (errors.length) throw new Error(`demo bank ${demo.name}: ${errors[0].line}: ${errors[0].message}`);
		const bank = await bankRepo(db).insert({
			id: uuidv7(seq++),
			name: demo.name,
			track: demo.track,
			purpose: demo.purpose,
			ownerUnitId: committeeId,
			description: demo.description,
			createdBy: adminId,
			createdAt: now,
			updatedAt: now
		});
		const items = questions.map(({ line: _line, ...draft }) => ({ id: uuidv7(seq++), draft, stemKey: normaliseStem(draft.stem) }));
		await questionRepo(db).insertMany(bank.id, items, adminId, now);
		ids.push(bank.id);
	}
	return ids;
}

export const DEMO_EXAM_TITLE = '2026年第四季度保密知识测试';

/** One published exam for 机关第一党支部, drawn from 保密与安全常识: open for 30 days from the seed, 30 minutes, two attempts. */
export async function seedDemoExam(db: Db, branchId: string, secretaryId: string, secrecyBankId: string, now: number): Promise<void> {
	const rule = (type: 'single' | 'multiple' | 'judge' | 'fill' | 'essay', count: number) => ({ bankId: secrecyBankId, type, count });
	const paper: Paper = { kind: 'rules', rules: [rule('single', 10), rule('multiple', 3), rule('judge', 5), rule('fill', 2), rule('essay', 1)], pointsByType: { ...DEFAULT_POINTS, single: 3, judge: 2, fill: 3, multiple: 4, essay: 10 } };
	await examRepo(db).insert({
		id: uuidv7(now),
		title: DEMO_EXAM_TITLE,
		ownerUnitId: branchId,
		paper: JSON.stringify(paper),
		audience: JSON.stringify({ units: [branchId], people: [] }),
		opensAt: now - 60_000,
		closesAt: now + 30 * 24 * 60 * 60 * 1000,
		timeLimitMin: 30,
		attemptsAllowed: 2,
		passPercent: 60,
		shuffleQuestions: true,
		shuffleOptions: true,
		showResults: 'on_submit',
		status: 'published',
		createdBy: secretaryId,
		createdAt: now,
		updatedAt: now
	});
}
