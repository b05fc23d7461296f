import { DEFAULT_DIFFICULTY, type QuestionDraft } from './types';

/** Alternatives are split on spaces, or on `|` when there is one: an answer with a space needs the `|` form. */
export const formatBlankGroup = (alts: string[]) => (alts.some((a) => /\s/.test(a)) ? `[${alts.join('|')}${alts.length === 1 ? '|' : ''}]` : `[${alts.join(' ')}]`);

/** Write questions in the plain-text format, so that parsing the result gives them back. */
export function formatQuestionText(questions: QuestionDraft[]): string {
	return questions
		.map((q, i) => {
			const flags: string[] = [];
			if (q.points !== null) flags.push(`[${q.points}分]`);
			if (q.type === 'multiple' && q.answer.length === 1) flags.push('[多选]');
			if (q.type === 'essay') flags.push('[简答]');
			if (q.orderFree) flags.push('[答案无顺序]');
			if (q.caseInsensitive) flags.push('[不区分大小写]');
			if (q.difficulty !== DEFAULT_DIFFICULTY) flags.push(`[难度${q.difficulty}]`);
			if (q.tags.length) flags.push(`[标签：${q.tags.join(' ')}]`);
			if (q.source) flags.push(`[来源：${q.source}]`);
			if (q.validUntil) flags.push(`[有效期至${q.validUntil}]`);
			const lines = [`${i + 1}. ${q.stem}${flags.join('')}`];
			for (const o of q.options) lines.push(`${o.key}. ${o.text}`);
			if (q.type === 'single' || q.type === 'multiple') lines.push(`答案：${q.answer.join('')}`);
			if (q.type === 'judge') lines.push(`答案：${q.answer[0] === 'true' ? '对' : '错'}`);
			if (q.type === 'fill') lines.push(`答案：${q.blanks.map(formatBlankGroup).join('')}`);
			if (q.type === 'essay' && q.reference) lines.push(`答案：${q.reference}`);
			if (q.explanation) lines.push(`解析：${q.explanation}`);
			return lines.join('\n');
		})
		.join('\n\n')
		.concat('\n');
}
