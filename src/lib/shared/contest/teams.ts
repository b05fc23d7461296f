import type { ContestState } from './machine';
import { teamScore } from './scoring';

export interface TeamRow {
	teamId: string;
	name: string;
	/** Players in the team still in the contest. */
	members: number;
	score: number;
	correct: number;
	rank: number;
}

/**
 * Teams by score (the sum or the average of their players', as the host chose), then right answers.
 * Removed players and players without a team do not count; individual scores are untouched.
 */
export function teamRanking(s: ContestState, combine: 'sum' | 'average', names: Record<string, string>): TeamRow[] {
	const byTeam = new Map<string, { scores: number[]; correct: number }>();
	for (const p of Object.values(s.players)) {
		if (p.removed || !p.teamId) continue;
		const t = byTeam.get(p.teamId) ?? { scores: [], correct: 0 };
		t.scores.push(p.score);
		t.correct += p.correct;
		byTeam.set(p.teamId, t);
	}
	const rows = [...byTeam].map(([teamId, t]) => ({ teamId, name: names[teamId] ?? '', members: t.scores.length, score: teamScore(t.scores, combine), correct: t.correct }));
	rows.sort((a, b) => b.score - a.score || b.correct - a.correct || a.name.localeCompare(b.name, 'zh-CN'));
	const ranked: TeamRow[] = [];
	for (const [i, r] of rows.entries()) {
		const prev = ranked[i - 1];
		ranked.push({ ...r, rank: prev && prev.score === r.score && prev.correct === r.correct ? prev.rank : i + 1 });
	}
	return ranked;
}
