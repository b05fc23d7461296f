import { m } from '$lib/paraglide/messages';
import type { PracticeQuestion } from '$lib/shared/quiz/practice-schemas';

/** The key as a member reads it: letters for choices, 对/错, and each blank's accepted answers. */
export function answerText(q: Pick<PracticeQuestion, 'type' | 'answer' | 'blanks'>): string {
	if (q.type === 'judge') return q.answer[0] === 'true' ? m.practice_true() : m.practice_false();
	if (q.type === 'fill') return q.blanks.map((alts) => alts.join(' / ')).join('；');
	return q.answer.join('');
}
