import { m } from '$lib/paraglide/messages';
import type { ChoiceOption } from '$lib/shared/quiz/types';

/** A, B, C… by position: options may be shown in a member's own order. */
export const letter = (index: number) => String.fromCharCode(65 + index);

/** Option keys as the letters the member saw them under. */
export function lettersOf(keys: string[], options: ChoiceOption[]): string {
	return keys
		.map((k) => options.findIndex((o) => o.key === k))
		.filter((i) => i >= 0)
		.sort((a, b) => a - b)
		.map(letter)
		.join('');
}

/** The key as a member reads it: letters for choices, 对/错, and each blank's accepted answers. */
export function answerText(q: { type: string; answer: string[]; blanks: string[][]; options: ChoiceOption[] }): string {
	if (q.type === 'judge') return q.answer[0] === 'true' ? m.practice_true() : m.practice_false();
	if (q.type === 'fill') return q.blanks.map((alts) => alts.join(' / ')).join('；');
	return lettersOf(q.answer, q.options);
}

/** A member's response in the same words. */
export function responseText(q: { type: string; options: ChoiceOption[] }, response: string[]): string {
	if (!response.some((r) => r.trim())) return m.exam_no_answer();
	if (q.type === 'judge') return response[0] === 'true' ? m.practice_true() : m.practice_false();
	if (q.type === 'single' || q.type === 'multiple') return lettersOf(response, q.options);
	return response.join('；');
}
