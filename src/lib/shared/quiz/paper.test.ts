import { describe, expect, it } from 'vitest';
import { checkPaper, DEFAULT_POINTS, drawPaper, type Candidate, type Paper } from './paper';

const c = (id: string, over: Partial<Candidate> = {}): Candidate => ({ id, version: 1, bankId: 'b', type: 'single', tags: [], difficulty: 3, points: null, ...over });
const bank = [
	c('s1', { tags: ['党章'], difficulty: 1 }),
	c('s2', { tags: ['党章'], difficulty: 2 }),
	c('s3', { tags: ['党章'], difficulty: 5 }),
	c('s4', { tags: ['纪律'], difficulty: 2 }),
	c('j1', { type: 'judge' }),
	c('j2', { type: 'judge', points: 3 }),
	c('x1', { bankId: 'other', type: 'judge' })
];
const rules = (r: Extract<Paper, { kind: 'rules' }>['rules']): Paper => ({ kind: 'rules', rules: r, pointsByType: DEFAULT_POINTS });

describe('paper rules', () => {
	it('draw by bank, type, tag and difficulty, with points per type unless the question has its own', () => {
		const paper = rules([
			{ bankId: 'b', type: 'single', count: 2, tags: ['党章'], maxDifficulty: 3 },
			{ bankId: 'b', type: 'judge', count: 2 }
		]);
		expect(checkPaper(paper, bank)).toEqual([]);
		const drawn = drawPaper(paper, bank, 'seed');
		expect(drawn.slice(0, 2).map((i) => i.questionId).sort()).toEqual(['s1', 's2']);
		expect(drawn.slice(2).map((i) => [i.questionId, i.points]).sort()).toEqual([
			['j1', 1],
			['j2', 3]
		]);
	});

	it('report a rule the bank cannot satisfy, with what it needs and what there is', () => {
		const paper = rules([
			{ bankId: 'b', type: 'single', count: 1 },
			{ bankId: 'b', type: 'judge', count: 5 }
		]);
		expect(checkPaper(paper, bank)).toEqual([{ rule: 1, needed: 5, available: 2 }]);
		expect(() => drawPaper(paper, bank, 'seed')).toThrow();
	});

	it('satisfy overlapping rules that a greedy draw could starve, whatever the seed', () => {
		// Rule 0 takes any 单选; rule 1 needs the only ones tagged 党章 with difficulty ≤ 2.
		const paper = rules([
			{ bankId: 'b', type: 'single', count: 2 },
			{ bankId: 'b', type: 'single', count: 2, tags: ['党章'], maxDifficulty: 2 }
		]);
		expect(checkPaper(paper, bank)).toEqual([]);
		for (const seed of ['a', 'b', 'c', 'd', 'e', 'f']) {
			const drawn = drawPaper(paper, bank, seed).map((i) => i.questionId);
			expect(new Set(drawn).size).toBe(4);
			expect(drawn.slice(2).sort()).toEqual(['s1', 's2']);
		}
	});

	it('give different members different papers and the same member the same paper for the same seed', () => {
		const paper = rules([{ bankId: 'b', type: 'single', count: 2 }]);
		const papers = new Set(['m1', 'm2', 'm3', 'm4', 'm5'].map((s) => drawPaper(paper, bank, s).map((i) => i.questionId).join()));
		expect(papers.size).toBeGreaterThan(1);
		expect(drawPaper(paper, bank, 'm1')).toEqual(drawPaper(paper, bank, 'm1'));
	});

	it('report fixed questions that are gone (deleted or expired)', () => {
		const paper: Paper = { kind: 'fixed', questionIds: ['s1', 'gone'], pointsByType: DEFAULT_POINTS };
		expect(checkPaper(paper, bank)).toEqual([{ rule: -1, needed: 2, available: 1 }]);
		expect(drawPaper(paper, bank, 'x').map((i) => i.questionId)).toEqual(['s1']);
	});
});
