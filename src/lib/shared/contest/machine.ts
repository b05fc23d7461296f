import { basePoints, stakePoints, streakBonus, type Scoring, type Stake } from './scoring';

/**
 * The live contest as the server holds it: a pure state machine. Every change — a host command, a
 * player's join, buzz, stake or answer, or time passing — goes through `step` with the server's clock
 * and returns the next state with `seq` one higher, or why it was refused. Because it is pure and
 * deterministic, the server can persist each accepted event and rebuild a contest after a restart by
 * replaying them.
 *
 * lobby → intro → open → reveal → (intro … of the next question) → board (after each round) → … → final
 */
export type Phase = 'lobby' | 'intro' | 'open' | 'reveal' | 'board' | 'final';
/** 必答 (everyone), 抢答 (the first to buzz answers alone), 风险题 (a stake chosen before the question shows). */
export type RoundKind = 'all' | 'buzz' | 'stake';

export interface RoundPlan {
	kind: RoundKind;
	questionIds: string[];
	/** Seconds to answer (default 20) and to read before answers open (default 3; stake rounds pick stakes then). */
	seconds: number;
	readSeconds: number;
	scoring: Scoring;
	/** 抢答: points lost for a wrong answer (0 = none). */
	buzzPenalty: number;
}

export interface PlayerState {
	name: string;
	teamId: string | null;
	score: number;
	correct: number;
	answered: number;
	streak: number;
	removed: boolean;
}

export interface Answer {
	response: string[];
	/** Server time of arrival. */
	at: number;
}

export interface ContestState {
	seq: number;
	/**
	 * The seq of the last change the host acts on: a new phase or question, a pause, or a step command
	 * (not a seat change: remove, readmit, a team). Joins, answers, stakes and buzzes move `seq` but not this, so a lobby filling up or answers coming
	 * in never make the host's press "stale"; a second press of the same step still is.
	 */
	placeSeq: number;
	phase: Phase;
	round: number;
	question: number;
	/** When the phase ends by itself (intro → open, open → reveal); null when it waits for the host. */
	endsAt: number | null;
	/** When answers opened (for speed scoring). */
	openedAt: number | null;
	/** Set while paused: what was left of the phase, and when the pause began. */
	pausedLeftMs: number | null;
	pausedAt: number | null;
	players: Record<string, PlayerState>;
	answers: Record<string, Answer>;
	/** 抢答: players in the order their buzz reached the server. */
	buzzes: string[];
	stakes: Record<string, Stake>;
	/** Points each player got on the question just revealed (for their personal result). */
	lastPoints: Record<string, number>;
	/**
	 * Players still in (not removed), and how many of them have answered this question: kept as counts
	 * so that an answer among 5,000 costs the same as among 5.
	 */
	activeCount: number;
	answeredCount: number;
}

export type HostCommand =
	| { type: 'start' | 'next' | 'pause' | 'resume' | 'skip' | 'end' }
	| { type: 'addTime'; seconds: number }
	| { type: 'remove' | 'readmit'; playerId: string }
	/** Teams set by hand: put a player in a team (or none), in the lobby or between rounds. */
	| { type: 'setTeam'; playerId: string; teamId: string | null };

export type ContestEvent =
	| { type: 'host'; expectSeq: number; command: HostCommand }
	| { type: 'join'; playerId: string; name: string; teamId: string | null }
	| { type: 'buzz'; playerId: string }
	| { type: 'stake'; playerId: string; stake: Stake }
	| { type: 'answer'; playerId: string; response: string[] }
	| { type: 'tick' };

export type Refusal = 'stale' | 'not_now' | 'unknown_player' | 'removed' | 'already' | 'not_your_turn';
export type StepResult = { ok: true; state: ContestState } | { ok: false; reason: Refusal };

/** What the machine needs to know of the questions: is this response right? */
export type IsCorrect = (questionId: string, response: string[]) => boolean;

export function initialState(): ContestState {
	return { seq: 0, placeSeq: 0, phase: 'lobby', round: 0, question: 0, endsAt: null, openedAt: null, pausedLeftMs: null, pausedAt: null, players: {}, answers: {}, buzzes: [], stakes: {}, lastPoints: {}, activeCount: 0, answeredCount: 0 };
}

export const currentRound = (plan: RoundPlan[], s: ContestState) => plan[s.round];
export const currentQuestionId = (plan: RoundPlan[], s: ContestState) => plan[s.round]?.questionIds[s.question] ?? null;
const active = (s: ContestState) => Object.entries(s.players).filter(([, p]) => !p.removed);

/**
 * Apply one event. The state given is changed in place and returned with `seq` one higher (a contest
 * of 5,000 players must not copy 5,000 seats for every answer); a refusal changes nothing, because
 * every check comes before the first change. Keep no reference to the old state.
 */
export function step(plan: RoundPlan[], state: ContestState, event: ContestEvent, now: number, isCorrect: IsCorrect): StepResult {
	const s = state;
	const seq = state.seq;
	const before = { phase: s.phase, round: s.round, question: s.question, paused: s.pausedLeftMs !== null };
	const done = (): StepResult => {
		s.seq = seq + 1;
		const moved = s.phase !== before.phase || s.round !== before.round || s.question !== before.question || (s.pausedLeftMs !== null) !== before.paused;
		// Seat changes (remove, readmit, a team) are safe to repeat and must not hold up the next one.
		const seatOnly = event.type === 'host' && (event.command.type === 'remove' || event.command.type === 'readmit' || event.command.type === 'setTeam');
		if (moved || (event.type === 'host' && !seatOnly)) s.placeSeq = s.seq;
		return { ok: true, state: s };
	};
	const refuse = (reason: Refusal): StepResult => ({ ok: false, reason });
	const round = plan[s.round];

	switch (event.type) {
		case 'join': {
			const seat = s.players[event.playerId];
			// Coming back keeps the seat and the score; only the name and team may be refreshed.
			if (seat) s.players[event.playerId] = { ...seat, name: event.name, teamId: event.teamId ?? seat.teamId };
			else {
				s.players[event.playerId] = { name: event.name, teamId: event.teamId, score: 0, correct: 0, answered: 0, streak: 0, removed: false };
				s.activeCount += 1;
			}
			return done();
		}
		case 'buzz': {
			const p = s.players[event.playerId];
			if (!p) return refuse('unknown_player');
			if (p.removed) return refuse('removed');
			if (s.phase !== 'open' || round.kind !== 'buzz' || s.pausedLeftMs !== null) return refuse('not_now');
			if (s.buzzes.includes(event.playerId)) return refuse('already');
			s.buzzes.push(event.playerId);
			return done();
		}
		case 'stake': {
			const p = s.players[event.playerId];
			if (!p) return refuse('unknown_player');
			if (p.removed) return refuse('removed');
			if (s.phase !== 'intro' || round.kind !== 'stake') return refuse('not_now');
			s.stakes[event.playerId] = event.stake;
			return done();
		}
		case 'answer': {
			const p = s.players[event.playerId];
			if (!p) return refuse('unknown_player');
			if (p.removed) return refuse('removed');
			if (s.phase !== 'open' || s.pausedLeftMs !== null) return refuse('not_now');
			if (s.answers[event.playerId]) return refuse('already');
			if (round.kind === 'buzz' && s.buzzes[0] !== event.playerId) return refuse('not_your_turn');
			s.answers[event.playerId] = { response: event.response, at: now };
			s.answeredCount += 1;
			if (everyoneAnswered(round, s)) reveal(plan, s, isCorrect);
			return done();
		}
		case 'tick': {
			if (s.pausedLeftMs !== null || s.endsAt === null || now < s.endsAt) return refuse('not_now');
			if (s.phase === 'intro') openAnswers(round, s, now);
			else if (s.phase === 'open') reveal(plan, s, isCorrect);
			else return refuse('not_now');
			return done();
		}
		case 'host': {
			// Made against a screen older than the last step (or from nowhere): a double press, refused.
			if (event.expectSeq < (s.placeSeq ?? 0) || event.expectSeq > seq) return refuse('stale');
			const c = event.command;
			switch (c.type) {
				case 'start':
					if (s.phase !== 'lobby' || !plan.length) return refuse('not_now');
					beginQuestion(plan, s, 0, 0, now);
					return done();
				case 'next':
					if (s.phase === 'intro') openAnswers(round, s, now);
					else if (s.phase === 'open') reveal(plan, s, isCorrect);
					else if (s.phase === 'reveal') advance(plan, s, now);
					else if (s.phase === 'board') {
						if (s.round + 1 < plan.length) beginQuestion(plan, s, s.round + 1, 0, now);
						else finish(s);
					} else return refuse('not_now');
					s.pausedLeftMs = null;
					s.pausedAt = null;
					return done();
				case 'skip':
					// This question counts for nobody; on to the next.
					if (s.phase !== 'intro' && s.phase !== 'open') return refuse('not_now');
					s.answers = {};
					s.answeredCount = 0;
					s.lastPoints = {};
					s.pausedLeftMs = null;
					s.pausedAt = null;
					advance(plan, s, now);
					return done();
				case 'pause':
					if (s.pausedLeftMs !== null || s.endsAt === null) return refuse('not_now');
					s.pausedLeftMs = Math.max(0, s.endsAt - now);
					s.pausedAt = now;
					s.endsAt = null;
					return done();
				case 'resume':
					if (s.pausedLeftMs === null) return refuse('not_now');
					s.endsAt = now + s.pausedLeftMs;
					// The pause does not count against anyone's speed.
					if (s.openedAt !== null && s.pausedAt !== null) s.openedAt += now - s.pausedAt;
					s.pausedLeftMs = null;
					s.pausedAt = null;
					return done();
				case 'addTime':
					if (s.phase !== 'open' && s.phase !== 'intro') return refuse('not_now');
					if (s.pausedLeftMs !== null) s.pausedLeftMs += c.seconds * 1000;
					else if (s.endsAt !== null) s.endsAt += c.seconds * 1000;
					return done();
				case 'remove':
				case 'readmit': {
					const p = s.players[c.playerId];
					if (!p) return refuse('unknown_player');
					const removed = c.type === 'remove';
					if (p.removed !== removed) {
						const step = removed ? -1 : 1;
						s.activeCount += step;
						if (s.answers[c.playerId]) s.answeredCount += step;
					}
					p.removed = removed;
					if (s.phase === 'open' && everyoneAnswered(round, s)) reveal(plan, s, isCorrect);
					return done();
				}
				case 'setTeam': {
					const p = s.players[c.playerId];
					if (!p) return refuse('unknown_player');
					if (s.phase !== 'lobby' && s.phase !== 'board') return refuse('not_now');
					p.teamId = c.teamId;
					return done();
				}
				case 'end':
					if (s.phase === 'final') return refuse('not_now');
					finish(s);
					return done();
			}
		}
	}
}

function beginQuestion(plan: RoundPlan[], s: ContestState, round: number, question: number, now: number) {
	s.round = round;
	s.question = question;
	s.phase = 'intro';
	s.endsAt = now + plan[round].readSeconds * 1000;
	s.openedAt = null;
	s.answers = {};
	s.answeredCount = 0;
	s.buzzes = [];
	s.stakes = {};
	s.lastPoints = {};
}

function openAnswers(round: RoundPlan, s: ContestState, now: number) {
	s.phase = 'open';
	s.openedAt = now;
	s.endsAt = now + round.seconds * 1000;
}

/** Runs on every answer: two counts compared, whatever the number of players. */
function everyoneAnswered(round: RoundPlan, s: ContestState): boolean {
	if (round.kind === 'buzz') return s.buzzes.length > 0 && s.answers[s.buzzes[0]] !== undefined;
	return s.activeCount > 0 && s.answeredCount >= s.activeCount;
}

/** Close answers and score them: the correct answer, the points each player got, and new totals. */
function reveal(plan: RoundPlan[], s: ContestState, isCorrect: IsCorrect) {
	const round = plan[s.round];
	const questionId = round.questionIds[s.question];
	const limitMs = round.seconds * 1000;
	s.lastPoints = {};
	for (const [id, p] of active(s)) {
		const answer = s.answers[id];
		if (round.kind === 'buzz' && s.buzzes[0] !== id) continue;
		if (!answer) {
			if (round.kind === 'all') p.streak = 0;
			continue;
		}
		const correct = isCorrect(questionId, answer.response);
		let points: number;
		if (round.kind === 'stake') points = stakePoints(s.stakes[id] ?? 10, correct);
		else if (round.kind === 'buzz') points = correct ? round.scoring.points : -round.buzzPenalty;
		else {
			p.streak = correct ? p.streak + 1 : 0;
			points = basePoints(round.scoring, correct, answer.at - (s.openedAt ?? answer.at), limitMs) + (correct ? streakBonus(round.scoring, p.streak) : 0);
		}
		p.answered += 1;
		if (correct) p.correct += 1;
		p.score += points;
		s.lastPoints[id] = points;
	}
	s.phase = 'reveal';
	s.endsAt = null;
}

/** After a reveal (or a skip): the next question of the round, or the round's board. */
function advance(plan: RoundPlan[], s: ContestState, now: number) {
	if (s.question + 1 < plan[s.round].questionIds.length) beginQuestion(plan, s, s.round, s.question + 1, now);
	else {
		s.phase = 'board';
		s.endsAt = null;
	}
}

function finish(s: ContestState) {
	s.phase = 'final';
	s.endsAt = null;
	s.pausedLeftMs = null;
	s.pausedAt = null;
}

/** Players by score, then by correct answers, then by name: the board and the podium. */
export function ranking(s: ContestState): { playerId: string; name: string; score: number; correct: number; rank: number }[] {
	const rows = active(s)
		.map(([playerId, p]) => ({ playerId, name: p.name, score: p.score, correct: p.correct }))
		.sort((a, b) => b.score - a.score || b.correct - a.correct || a.name.localeCompare(b.name, 'zh-CN'));
	// Equal score and equal correct answers share a rank (1, 2, 2, 4).
	const ranked: (typeof rows[number] & { rank: number })[] = [];
	for (const [i, r] of rows.entries()) {
		const prev = ranked[i - 1];
		ranked.push({ ...r, rank: prev && prev.score === r.score && prev.correct === r.correct ? prev.rank : i + 1 });
	}
	return ranked;
}
