import { describe, expect, it } from 'vitest';
import { grade, normaliseBlank } from './grade';
import type { QuestionContent } from './types';

const base = { stem: '题', options: [], answer: [], blanks: [], orderFree: false, caseInsensitive: false, reference: '', explanation: '', points: null };
const single: QuestionContent = { ...base, type: 'single', options: [{ key: 'A', text: '甲' }, { key: 'B', text: '乙' }], answer: ['A'] };
const multiple: QuestionContent = { ...base, type: 'multiple', options: ['A', 'B', 'C', 'D'].map((key) => ({ key, text: key })), answer: ['A', 'B', 'C'] };
const judge: QuestionContent = { ...base, type: 'judge', answer: ['false'] };
const fill: QuestionContent = { ...base, type: 'fill', blanks: [['绝密'], ['机密', '秘密']] };

describe('grading', () => {
	it('单选 and 判断: all or nothing', () => {
		expect(grade(single, ['A'], 2)).toEqual({ status: 'graded', score: 2, correct: true });
		expect(grade(single, ['B'], 2)).toEqual({ status: 'graded', score: 0, correct: false });
		expect(grade(single, [], 2).status === 'graded' && grade(single, [], 2)).toMatchObject({ score: 0 });
		expect(grade(judge, ['false'], 1)).toMatchObject({ score: 1, correct: true });
		expect(grade(judge, ['true'], 1)).toMatchObject({ score: 0, correct: false });
	});

	it('多选: full for all, half for a correct subset, nothing with any wrong option', () => {
		expect(grade(multiple, ['C', 'A', 'B'], 4)).toEqual({ status: 'graded', score: 4, correct: true });
		expect(grade(multiple, ['A', 'B'], 4)).toEqual({ status: 'graded', score: 2, correct: false });
		expect(grade(multiple, ['A', 'D'], 4)).toEqual({ status: 'graded', score: 0, correct: false });
		expect(grade(multiple, [], 4)).toMatchObject({ score: 0 });
		expect(grade(multiple, ['A'], 3, { partialCredit: 0.3 })).toMatchObject({ score: 0.9 });
	});

	it('填空: each blank its share, any accepted alternative, in order unless order-free', () => {
		expect(grade(fill, ['绝密', '秘密'], 2)).toEqual({ status: 'graded', score: 2, correct: true });
		expect(grade(fill, ['绝密', '公开'], 2)).toEqual({ status: 'graded', score: 1, correct: false });
		expect(grade(fill, ['机密', '绝密'], 2)).toMatchObject({ score: 0 });
		expect(grade({ ...fill, orderFree: true }, ['机密', '绝密'], 2)).toMatchObject({ score: 2, correct: true });
		// Order-free still uses each blank once.
		expect(grade({ ...fill, orderFree: true }, ['绝密', '绝密'], 2)).toMatchObject({ score: 1 });
		expect(grade(fill, ['', ''], 2)).toMatchObject({ score: 0 });
	});

	it('填空: folds full-width characters and spaces; case only when told', () => {
		const q: QuestionContent = { ...base, type: 'fill', blanks: [['WTO'], ['5G']] };
		expect(grade(q, [' ＷＴＯ ', '５G'], 2)).toMatchObject({ correct: true });
		expect(grade(q, ['wto', '5g'], 2)).toMatchObject({ score: 0 });
		expect(grade({ ...q, caseInsensitive: true }, ['wto', '5g'], 2)).toMatchObject({ correct: true });
		expect(normaliseBlank('　共产  主义 ', false)).toBe('共产 主义');
	});

	it('简答 waits for a person to mark it', () => {
		expect(grade({ ...base, type: 'essay' }, ['我的体会'], 10)).toEqual({ status: 'needs_marking' });
	});
});
