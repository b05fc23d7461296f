import { describe, expect, it } from 'vitest';
import { formatQuestionText } from './format-text';
import { parseQuestionText } from './parse-text';
import type { QuestionDraft } from './types';

const base = { options: [], answer: [], blanks: [], orderFree: false, caseInsensitive: false, reference: '', explanation: '', points: null, tags: [], difficulty: 3, source: '', validUntil: null };
const QUESTIONS: QuestionDraft[] = [
	{ ...base, type: 'single', stem: '党的最高领导机关是（ ）。', options: [{ key: 'A', text: '党的全国代表大会和它所产生的中央委员会' }, { key: 'B', text: '中央政治局' }], answer: ['A'], explanation: '见党章第十条。', points: 2 },
	{ ...base, type: 'multiple', stem: '只有一个正确项的多选题（ ）。', options: [{ key: 'A', text: '甲' }, { key: 'B', text: '乙' }, { key: 'C', text: '丙' }], answer: ['B'] },
	{ ...base, type: 'multiple', stem: '多选（ ）。', options: [{ key: 'A', text: '甲' }, { key: 'B', text: '乙' }, { key: 'C', text: '丙' }], answer: ['A', 'C'], explanation: '第一行\n第二行' },
	{ ...base, type: 'judge', stem: '党员有权参加党的有关会议。', answer: ['true'] },
	{ ...base, type: 'judge', stem: '预备期为两年。', answer: ['false'], explanation: '为一年。' },
	{ ...base, type: 'fill', stem: '_____是党的基础组织，_____是党的工作基础。', blanks: [['党支部', '支部'], ['学习 工作']], orderFree: true, caseInsensitive: true },
	{ ...base, type: 'essay', stem: '谈谈你的学习体会。', reference: '结合实际。', points: 10 },
	{ ...base, type: 'essay', stem: '没有参考答案的简答。' },
	{ ...base, type: 'judge', stem: '带标签与时效的题。', answer: ['true'], tags: ['党章', '党员'], difficulty: 5, source: '党章第一章', validUntil: '2027-12-31' }
];

describe('plain-text export', () => {
	it('gives back the same questions when its output is imported again', () => {
		const text = formatQuestionText(QUESTIONS);
		const { questions, errors } = parseQuestionText(text);
		expect(errors).toEqual([]);
		expect(questions.map(({ line: _line, ...q }) => q)).toEqual(QUESTIONS);
	});
});
