import { describe, expect, it } from 'vitest';
import { initialState, type ContestState } from './machine';
import { teamRanking } from './teams';

function state(players: [string, string | null, number, number, boolean?][]): ContestState {
	const s = initialState();
	for (const [name, teamId, score, correct, removed] of players) s.players[name] = { name, teamId, score, correct, answered: correct, streak: 0, removed: removed ?? false };
	return s;
}
const names = { g1: '第一党小组', g2: '第二党小组', g3: '第三党小组' };

describe('team standings', () => {
	it('sum or average of the members still playing; players without a team are left out', () => {
		const s = state([
			['a', 'g1', 30, 3],
			['b', 'g1', 10, 1],
			['c', 'g2', 25, 2],
			['d', null, 100, 9],
			['e', 'g2', 50, 5, true]
		]);
		expect(teamRanking(s, 'sum', names).map((t) => [t.name, t.members, t.score, t.rank])).toEqual([
			['第一党小组', 2, 40, 1],
			['第二党小组', 1, 25, 2]
		]);
		expect(teamRanking(s, 'average', names).map((t) => [t.name, t.score, t.rank])).toEqual([
			['第二党小组', 25, 1],
			['第一党小组', 20, 2]
		]);
	});

	it('equal score and right answers share a rank (1, 1, 3)', () => {
		const s = state([
			['a', 'g1', 20, 2],
			['b', 'g2', 20, 2],
			['c', 'g3', 10, 1]
		]);
		expect(teamRanking(s, 'sum', names).map((t) => t.rank)).toEqual([1, 1, 3]);
	});
});
