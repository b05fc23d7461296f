import { describe, expect, it } from 'vitest';
import { initialState, ranking, step, type ContestEvent, type ContestState, type RoundPlan } from './machine';
import type { Scoring } from './scoring';

const T0 = 1_800_000_000_000;
const accuracy: Scoring = { mode: 'accuracy', points: 10 };
const round = (kind: RoundPlan['kind'], questionIds: string[], extra: Partial<RoundPlan> = {}): RoundPlan => ({ kind, questionIds, seconds: 20, readSeconds: 3, scoring: accuracy, buzzPenalty: 0, ...extra });
/** Every question's right answer is A. */
const isCorrect = (_q: string, response: string[]) => response.join() === 'A';

/** Drive a contest; `ok` throws on a refusal, `try` returns it. */
function contest(plan: RoundPlan[], players = ['p1', 'p2', 'p3']) {
	let s: ContestState = initialState();
	let now = T0;
	const run = (e: ContestEvent) => step(plan, s, e, now, isCorrect);
	const api = {
		get s() {
			return s;
		},
		at(ms: number) {
			now = T0 + ms;
			return api;
		},
		ok(e: ContestEvent) {
			const r = run(e);
			if (!r.ok) throw new Error(`refused ${JSON.stringify(e)}: ${r.reason}`);
			s = r.state;
			return api;
		},
		try: (e: ContestEvent) => run(e),
		host: (command: Extract<ContestEvent, { type: 'host' }>['command']) => api.ok({ type: 'host', expectSeq: s.seq, command }),
		answer: (playerId: string, choice: string) => api.ok({ type: 'answer', playerId, response: [choice] })
	};
	for (const id of players) api.ok({ type: 'join', playerId: id, name: id, teamId: null });
	return api;
}

describe('the contest state machine', () => {
	it('walks lobby → intro → open → reveal → board → final, one seq per change', () => {
		const c = contest([round('all', ['q1'])]);
		const seq = c.s.seq;
		c.host({ type: 'start' });
		expect(c.s).toMatchObject({ phase: 'intro', seq: seq + 1, endsAt: T0 + 3_000 });
		c.at(3_000).ok({ type: 'tick' });
		expect(c.s).toMatchObject({ phase: 'open', openedAt: T0 + 3_000, endsAt: T0 + 23_000 });
		c.at(23_000).ok({ type: 'tick' });
		expect(c.s.phase).toBe('reveal');
		c.host({ type: 'next' });
		expect(c.s.phase).toBe('board');
		c.host({ type: 'next' });
		expect(c.s.phase).toBe('final');
	});

	it('does not move on before its time, and reveals as soon as everyone has answered', () => {
		const c = contest([round('all', ['q1', 'q2'])]);
		c.host({ type: 'start' });
		expect(c.at(2_999).try({ type: 'tick' })).toEqual({ ok: false, reason: 'not_now' });
		c.at(3_000).ok({ type: 'tick' });
		c.answer('p1', 'A').answer('p2', 'B');
		expect(c.s.phase).toBe('open');
		c.answer('p3', 'A');
		expect(c.s.phase).toBe('reveal');
		expect(c.s.lastPoints).toEqual({ p1: 10, p2: 0, p3: 10 });
		c.host({ type: 'next' });
		expect(c.s).toMatchObject({ phase: 'intro', question: 1, answers: {} });
	});

	it('refuses a host command made against an old seq: a double click never skips two steps', () => {
		const c = contest([round('all', ['q1', 'q2'])]);
		c.host({ type: 'start' });
		const seen = c.s.seq;
		c.ok({ type: 'host', expectSeq: seen, command: { type: 'next' } });
		expect(c.try({ type: 'host', expectSeq: seen, command: { type: 'next' } })).toEqual({ ok: false, reason: 'stale' });
		expect(c.s.phase).toBe('open');
		expect(c.try({ type: 'host', expectSeq: c.s.seq + 1, command: { type: 'next' } })).toEqual({ ok: false, reason: 'stale' });
	});

	it('takes the host press made before players joined or answered: only a new step makes a screen stale', () => {
		const c = contest([round('all', ['q1', 'q2'])]);
		const lobby = c.s.seq;
		c.ok({ type: 'join', playerId: 'p4', name: '新来的', teamId: null });
		c.ok({ type: 'host', expectSeq: lobby, command: { type: 'start' } });
		expect(c.s.phase).toBe('intro');
		c.host({ type: 'next' });
		const open = c.s.seq;
		c.answer('p1', 'A');
		c.ok({ type: 'host', expectSeq: open, command: { type: 'pause' } });
		expect(c.s.pausedLeftMs).not.toBeNull();
		// The answer that closes the question moves the step: a "reveal now" made before it is stale.
		c.host({ type: 'resume' });
		const beforeLast = c.s.seq;
		c.answer('p2', 'A');
		c.answer('p3', 'A');
		c.answer('p4', 'A');
		expect(c.s.phase).toBe('reveal');
		expect(c.try({ type: 'host', expectSeq: beforeLast, command: { type: 'next' } })).toEqual({ ok: false, reason: 'stale' });
	});

	it('takes one answer per player per question, only while answers are open', () => {
		const c = contest([round('all', ['q1'])]);
		c.host({ type: 'start' });
		expect(c.try({ type: 'answer', playerId: 'p1', response: ['A'] })).toEqual({ ok: false, reason: 'not_now' });
		c.host({ type: 'next' });
		c.answer('p1', 'B');
		expect(c.try({ type: 'answer', playerId: 'p1', response: ['A'] })).toEqual({ ok: false, reason: 'already' });
		expect(c.try({ type: 'answer', playerId: 'ghost', response: ['A'] })).toEqual({ ok: false, reason: 'unknown_player' });
	});

	it('keeps a player’s seat and score when they join again', () => {
		const c = contest([round('all', ['q1', 'q2'])]);
		c.host({ type: 'start' }).host({ type: 'next' }).answer('p1', 'A').answer('p2', 'A').answer('p3', 'A');
		c.ok({ type: 'join', playerId: 'p1', name: 'p1', teamId: null });
		expect(c.s.players.p1).toMatchObject({ score: 10, correct: 1 });
		expect(Object.keys(c.s.players)).toHaveLength(3);
	});

	it('pauses the clock and gives the time back, without counting the pause against speed', () => {
		const c = contest([round('all', ['q1'], { scoring: { mode: 'speed', points: 10 } })]);
		c.host({ type: 'start' });
		c.at(3_000).ok({ type: 'tick' });
		c.at(5_000).host({ type: 'pause' });
		expect(c.s).toMatchObject({ endsAt: null, pausedLeftMs: 18_000 });
		expect(c.try({ type: 'answer', playerId: 'p1', response: ['A'] })).toEqual({ ok: false, reason: 'not_now' });
		c.at(65_000).host({ type: 'resume' });
		expect(c.s).toMatchObject({ endsAt: T0 + 83_000, openedAt: T0 + 63_000 });
		c.host({ type: 'addTime', seconds: 10 });
		expect(c.s.endsAt).toBe(T0 + 93_000);
		// 2 s of answering time used before the pause: nearly full points.
		c.answer('p1', 'A');
		c.host({ type: 'next' });
		expect(c.s.lastPoints.p1).toBe(10);
	});

	it('skips a question for everybody, and ends early from anywhere', () => {
		const c = contest([round('all', ['q1', 'q2'])]);
		c.host({ type: 'start' }).host({ type: 'next' }).answer('p1', 'A');
		c.host({ type: 'skip' });
		expect(c.s).toMatchObject({ phase: 'intro', question: 1 });
		expect(c.s.players.p1.score).toBe(0);
		c.host({ type: 'end' });
		expect(c.s.phase).toBe('final');
		expect(c.try({ type: 'host', expectSeq: c.s.seq, command: { type: 'next' } })).toEqual({ ok: false, reason: 'not_now' });
	});

	it('removes a player (the question no longer waits for them) and readmits them with their score', () => {
		const c = contest([round('all', ['q1', 'q2'])]);
		c.host({ type: 'start' }).host({ type: 'next' }).answer('p1', 'A').answer('p2', 'A');
		c.host({ type: 'remove', playerId: 'p3' });
		expect(c.s.phase).toBe('reveal');
		expect(c.try({ type: 'answer', playerId: 'p3', response: ['A'] })).toEqual({ ok: false, reason: 'removed' });
		expect(ranking(c.s).map((r) => r.playerId)).toEqual(['p1', 'p2']);
		c.host({ type: 'readmit', playerId: 'p3' });
		expect(ranking(c.s).map((r) => r.playerId)).toEqual(['p1', 'p2', 'p3']);
	});
});

describe('抢答: the buzzer', () => {
	it('lets only the first buzz (by server arrival) answer; a wrong answer costs the penalty', () => {
		const c = contest([round('buzz', ['q1', 'q2'], { buzzPenalty: 5 })]);
		c.host({ type: 'start' });
		expect(c.try({ type: 'buzz', playerId: 'p2' })).toEqual({ ok: false, reason: 'not_now' });
		c.host({ type: 'next' });
		c.ok({ type: 'buzz', playerId: 'p2' }).ok({ type: 'buzz', playerId: 'p1' });
		expect(c.try({ type: 'buzz', playerId: 'p2' })).toEqual({ ok: false, reason: 'already' });
		expect(c.s.buzzes).toEqual(['p2', 'p1']);
		expect(c.try({ type: 'answer', playerId: 'p1', response: ['A'] })).toEqual({ ok: false, reason: 'not_your_turn' });
		c.answer('p2', 'B');
		expect(c.s.phase).toBe('reveal');
		expect(c.s.lastPoints).toEqual({ p2: -5 });
		c.host({ type: 'next' }).host({ type: 'next' }).ok({ type: 'buzz', playerId: 'p3' }).answer('p3', 'A');
		expect(c.s.players).toMatchObject({ p2: { score: -5 }, p3: { score: 10 }, p1: { score: 0 } });
	});
});

describe('风险题: stakes', () => {
	it('are picked before the question opens; right wins the stake, wrong loses it, the default is 10', () => {
		const c = contest([round('stake', ['q1'])]);
		c.host({ type: 'start' });
		c.ok({ type: 'stake', playerId: 'p1', stake: 30 }).ok({ type: 'stake', playerId: 'p2', stake: 20 });
		c.host({ type: 'next' });
		expect(c.try({ type: 'stake', playerId: 'p3', stake: 30 })).toEqual({ ok: false, reason: 'not_now' });
		c.answer('p1', 'A').answer('p2', 'B').answer('p3', 'A');
		expect(c.s.lastPoints).toEqual({ p1: 30, p2: -20, p3: 10 });
	});
});

describe('scores over a contest', () => {
	it('add streak bonuses in 必答 rounds and rank ties together', () => {
		const c = contest([round('all', ['q1', 'q2', 'q3'], { scoring: { mode: 'accuracy', points: 10, streak: { per: 5, cap: 5 } } })], ['p1', 'p2', 'p3', 'p4']);
		c.host({ type: 'start' });
		for (const answers of [['A', 'A', 'B', 'A'], ['A', 'A', 'A', 'B'], ['A', 'A', 'B', 'B']]) {
			c.host({ type: 'next' });
			answers.forEach((a, i) => c.answer(`p${i + 1}`, a));
			c.host({ type: 'next' });
		}
		expect(Object.fromEntries(Object.entries(c.s.players).map(([id, p]) => [id, p.score]))).toEqual({ p1: 40, p2: 40, p3: 10, p4: 10 });
		expect(ranking(c.s).map((r) => [r.playerId, r.rank])).toEqual([
			['p1', 1],
			['p2', 1],
			['p3', 3],
			['p4', 3]
		]);
	});

	it('teams set by hand: the host places players in the lobby or between rounds, never mid-question, and a rejoin keeps it', () => {
		const c = contest([round('all', ['q1'])]);
		const lobby = c.s.seq;
		c.ok({ type: 'host', expectSeq: lobby, command: { type: 'setTeam', playerId: 'p1', teamId: 't1' } });
		// Seat changes are safe to repeat: a second one made on the same screen still goes through.
		c.ok({ type: 'host', expectSeq: lobby, command: { type: 'setTeam', playerId: 'p2', teamId: 't2' } });
		c.ok({ type: 'join', playerId: 'p1', name: '刘洋', teamId: null });
		expect([c.s.players.p1.teamId, c.s.players.p2.teamId]).toEqual(['t1', 't2']);
		c.host({ type: 'start' });
		expect(c.try({ type: 'host', expectSeq: c.s.seq, command: { type: 'setTeam', playerId: 'p1', teamId: 't2' } })).toEqual({ ok: false, reason: 'not_now' });
		expect(c.try({ type: 'host', expectSeq: c.s.seq, command: { type: 'setTeam', playerId: 'nobody', teamId: 't2' } })).toEqual({ ok: false, reason: 'unknown_player' });
	});
});
