import { currentQuestionId, ranking, type ContestState, type RoundPlan } from './machine';
import type { QuestionContent } from '../quiz/types';
import type { TeamRow } from './teams';

/**
 * What every screen of a contest sees, the same for all: built once per change and sent to every
 * player and the projector. It never holds an answer key before the reveal. Personal results (my points,
 * my rank) travel separately as small per-player events.
 */
export interface ContestSnapshot {
	seq: number;
	phase: ContestState['phase'];
	/** Server time of this snapshot and when the phase ends (phones correct for their own clock's offset). */
	serverNow: number;
	endsAt: number | null;
	paused: boolean;
	/** Where the contest is: round n of m, and the question's place in it (known even while a 风险题 is hidden). */
	round: { number: number; of: number; kind: RoundPlan['kind']; question: number; questions: number } | null;
	question: { number: number; of: number; id: string; type: QuestionContent['type']; stemHtml: string; options: { key: string; text: string }[] } | null;
	answered: number;
	/** 风险题: how many have picked a stake. */
	staked: number;
	players: number;
	/**
	 * 抢答: who buzzed first, once someone has: their name, and their seat tag (a hash of contest and seat,
	 * never an account id) so that their phone knows it is theirs.
	 */
	buzzedBy: string | null;
	buzzerTag: string | null;
	reveal: { answer: string[]; counts: Record<string, number>; explanation: string } | null;
	/** At the board and the end: the top ten (the host's full ranking travels separately, to the host only). */
	board: { name: string; score: number; correct: number; rank: number }[] | null;
	/** Team play, in the lobby (who has joined which team), at the boards and at the end: the teams' standing. */
	teams: { name: string; members: number; score: number; correct: number; rank: number }[] | null;
}

export interface ShownQuestion {
	content: QuestionContent;
	stemHtml: string;
}

export function snapshotOf(plan: RoundPlan[], s: ContestState, question: ShownQuestion | null, now: number, teams: TeamRow[] | null = null, tagOf: (playerId: string) => string = (id) => id): ContestSnapshot {
	const round = s.phase === 'lobby' ? null : plan[s.round];
	const qid = currentQuestionId(plan, s);
	// 风险题: the question stays hidden while stakes are picked.
	const showQuestion = question && qid && ['intro', 'open', 'reveal'].includes(s.phase) && !(round?.kind === 'stake' && s.phase === 'intro');
	const counts: Record<string, number> = {};
	if (s.phase === 'reveal') for (const a of Object.values(s.answers)) for (const key of a.response) counts[key] = (counts[key] ?? 0) + 1;
	// The board goes to every phone: the top ten only (a phone's own place comes in its personal result).
	const board = s.phase === 'board' || s.phase === 'final' ? topOf(ranking(s), 10) : null;
	return {
		seq: s.seq,
		phase: s.phase,
		serverNow: now,
		endsAt: s.endsAt,
		paused: s.pausedLeftMs !== null,
		round: round ? { number: s.round + 1, of: plan.length, kind: round.kind, question: s.question + 1, questions: round.questionIds.length } : null,
		question: showQuestion
			? {
					number: s.question + 1,
					of: round!.questionIds.length,
					id: qid!,
					type: question.content.type,
					stemHtml: question.stemHtml,
					options: question.content.options.map((o) => ({ key: o.key, text: o.text }))
				}
			: null,
		answered: s.answeredCount,
		staked: Object.keys(s.stakes).length,
		players: s.activeCount,
		buzzedBy: s.buzzes[0] ? (s.players[s.buzzes[0]]?.name ?? null) : null,
		buzzerTag: s.buzzes[0] ? tagOf(s.buzzes[0]) : null,
		reveal: s.phase === 'reveal' && question ? { answer: question.content.answer, counts, explanation: question.content.explanation } : null,
		board,
		teams: teams && (s.phase === 'lobby' || s.phase === 'board' || s.phase === 'final') ? teams.map(({ name, members, score, correct, rank }) => ({ name, members, score, correct, rank })) : null
	};
}

const topOf = (rows: ReturnType<typeof ranking>, n: number) => rows.slice(0, n).map(({ name, score, correct, rank }) => ({ name, score, correct, rank }));

/** The whole ranking, for the projector's final screen and nothing else. */
export const fullRanking = (s: ContestState) => topOf(ranking(s), Infinity);

export interface PersonalResult {
	points: number | null;
	score: number;
	rank: number;
	correct: number;
}

/** Every player's own result after a reveal (one ranking for all: never a sort per player). Each goes to that player only. */
export function personalResults(s: ContestState): Record<string, PersonalResult> {
	const out: Record<string, PersonalResult> = {};
	for (const r of ranking(s)) out[r.playerId] = { points: s.lastPoints[r.playerId] ?? null, score: r.score, rank: r.rank, correct: r.correct };
	return out;
}

/** The host's list of seats (join order): names, teams and whether removed. Sent to the projector only. */
export interface RosterEntry {
	id: string;
	name: string;
	teamId: string | null;
	score: number;
	removed: boolean;
}

export function rosterOf(s: ContestState): RosterEntry[] {
	return Object.entries(s.players).map(([id, p]) => ({ id, name: p.name, teamId: p.teamId, score: p.score, removed: p.removed }));
}
