import { describe, expect, it } from 'vitest';
import { initialState, step, type ContestEvent, type ContestState, type RoundPlan } from './machine';
import { personalResults, snapshotOf, type ShownQuestion } from './snapshot';

const T0 = 1_800_000_000_000;
const question: ShownQuestion = {
	stemHtml: '<p>党支部党员大会一般多久召开一次？</p>',
	content: { type: 'single', stem: '', options: ['每月', '每季度', '每年'].map((text, i) => ({ key: 'ABC'[i], text })), answer: ['B'], blanks: [], orderFree: false, caseInsensitive: false, reference: '', explanation: '条例规定每季度召开一次。', points: null }
};
const plan = (kind: RoundPlan['kind']): RoundPlan[] => [{ kind, questionIds: ['q1'], seconds: 20, readSeconds: 3, scoring: { mode: 'accuracy', points: 10 }, buzzPenalty: 0 }];
const isCorrect = (_q: string, r: string[]) => r.join() === 'B';

function play(kind: RoundPlan['kind'], events: ContestEvent[]): ContestState {
	let s = initialState();
	for (const e of events) {
		const r = step(plan(kind), s, e.type === 'host' ? { ...e, expectSeq: s.seq } : e, T0, isCorrect);
		if (!r.ok) throw new Error(r.reason);
		s = r.state;
	}
	return s;
}
const join = (id: string): ContestEvent => ({ type: 'join', playerId: id, name: id === 'a' ? '刘洋' : '杨静', teamId: null });
const host = (type: 'start' | 'next'): ContestEvent => ({ type: 'host', expectSeq: 0, command: { type } });

describe('the shared snapshot', () => {
	it('shows the question without its key while answers are open', () => {
		const s = play('all', [join('a'), join('b'), host('start'), host('next'), { type: 'answer', playerId: 'a', response: ['B'] }]);
		const snap = snapshotOf(plan('all'), s, question, T0);
		expect(snap).toMatchObject({ phase: 'open', answered: 1, players: 2, reveal: null, question: { number: 1, of: 1, stemHtml: question.stemHtml } });
		expect(JSON.stringify(snap)).not.toContain('每季度召开一次');
		expect(snap.question).not.toHaveProperty('answer');
	});

	it('reveals the key, how many chose each option and the 解析, then ranks at the board', () => {
		const s = play('all', [join('a'), join('b'), host('start'), host('next'), { type: 'answer', playerId: 'a', response: ['B'] }, { type: 'answer', playerId: 'b', response: ['A'] }]);
		expect(snapshotOf(plan('all'), s, question, T0).reveal).toEqual({ answer: ['B'], counts: { A: 1, B: 1 }, explanation: '条例规定每季度召开一次。' });
		expect(personalResults(s)).toEqual({ a: { points: 10, score: 10, rank: 1, correct: 1 }, b: { points: 0, score: 0, rank: 2, correct: 0 } });
		const board = play('all', [join('a'), join('b'), host('start'), host('next'), { type: 'answer', playerId: 'a', response: ['B'] }, { type: 'answer', playerId: 'b', response: ['A'] }, host('next')]);
		expect(snapshotOf(plan('all'), board, question, T0).board).toEqual([
			{ name: '刘洋', score: 10, correct: 1, rank: 1 },
			{ name: '杨静', score: 0, correct: 0, rank: 2 }
		]);
	});

	it('keeps a 风险题 hidden while stakes are picked', () => {
		const s = play('stake', [join('a'), host('start')]);
		expect(snapshotOf(plan('stake'), s, question, T0)).toMatchObject({ phase: 'intro', question: null, round: { kind: 'stake' } });
	});

	it('carries the teams in the lobby and at the boards (not mid-question), when the contest is played in teams', () => {
		const teams = [{ teamId: 'g1', name: '第一党小组', members: 2, score: 10, correct: 1, rank: 1 }];
		const open = play('all', [join('a'), join('b'), host('start'), host('next')]);
		expect(snapshotOf(plan('all'), open, question, T0, teams).teams).toBeNull();
		const board = play('all', [join('a'), join('b'), host('start'), host('next'), host('next'), host('next')]);
		expect(board.phase).toBe('board');
		expect(snapshotOf(plan('all'), board, question, T0, teams).teams).toEqual([{ name: '第一党小组', members: 2, score: 10, correct: 1, rank: 1 }]);
		expect(snapshotOf(plan('all'), board, question, T0).teams).toBeNull();
	});
});
