import type { Db } from '../db/client';
import { questionRepo } from '../quiz/question-repo';
import { commitSoon } from '../db/group-commit';
import { awards } from '../points/awards';
import { contestRepo } from './contest-repo';
import { currentQuestionId, initialState, ranking, step, type ContestEvent, type ContestState, type IsCorrect, type RoundPlan, type StepResult } from '$lib/shared/contest/machine';
import { grade } from '$lib/shared/quiz/grade';

/** A contest's rounds, with the version of each question frozen when it was set up. */
export interface ContestPlan {
	rounds: RoundPlan[];
	versions: Record<string, number>;
	/**
	 * Team play: by 党小组 (a player's team is their group), or by hand when `names` is given (team ids
	 * t1, t2…, the host places each player). The team's score is the sum or the average of its members'.
	 */
	teams?: { combine: 'sum' | 'average'; names?: Record<string, string> };
	/** Guests may join under a nickname, without signing in (switched on by the host). */
	guests?: boolean;
}

/** A contest being played: its rules, answer keys (server-side only) and current state. */
interface LiveContest {
	id: string;
	plan: ContestPlan;
	isCorrect: IsCorrect;
	state: ContestState;
}

/**
 * Contests in play, per database (not per user): the state machine's current state, rebuilt from the
 * event log the first time a contest is touched after a start — which is how a contest survives a
 * server restart.
 */
const liveByDb = new WeakMap<Db, Map<string, LiveContest>>();

export async function liveContest(db: Db, contestId: string): Promise<LiveContest | null> {
	let live = liveByDb.get(db);
	if (!live) liveByDb.set(db, (live = new Map()));
	const cached = live.get(contestId);
	if (cached) return cached;
	const row = contestRepo(db).byId(contestId);
	if (!row) return null;
	const plan = JSON.parse(row.plan) as ContestPlan;
	const contents = await questionRepo(db).versions(Object.entries(plan.versions).map(([questionId, version]) => ({ questionId, version })));
	const isCorrect: IsCorrect = (questionId, response) => {
		const q = contents.get(`${questionId}@${plan.versions[questionId]}`);
		const r = q ? grade(q.content, response, 1) : null;
		return r?.status === 'graded' && r.correct;
	};
	let state = initialState();
	for (const e of contestRepo(db).events(contestId)) {
		const r = step(plan.rounds, state, JSON.parse(e.event) as ContestEvent, e.at, isCorrect);
		if (r.ok) state = r.state;
	}
	// Another request may have loaded it meanwhile: keep the first.
	const existing = live.get(contestId);
	if (existing) return existing;
	const contest = { id: contestId, plan, isCorrect, state };
	live.set(contestId, contest);
	return contest;
}

/**
 * When answers opened for each question that was revealed (`round.question`, 0-based), by replaying the
 * log: the export's "seconds taken". A pause moves the opening later, as it does for speed points.
 */
export async function openingTimes(db: Db, contestId: string): Promise<Map<string, number>> {
	const contest = await liveContest(db, contestId);
	const opened = new Map<string, number>();
	if (!contest) return opened;
	let state = initialState();
	for (const e of contestRepo(db).events(contestId)) {
		const before = state.phase;
		const r = step(contest.plan.rounds, state, JSON.parse(e.event) as ContestEvent, e.at, contest.isCorrect);
		if (!r.ok) continue;
		state = r.state;
		if (state.phase === 'reveal' && before !== 'reveal' && state.openedAt !== null) opened.set(`${state.round}.${state.question}`, state.openedAt);
	}
	return opened;
}

/** Forget contests held in memory, as a restart does (tests). */
export function forgetLiveContests(db: Db) {
	liveByDb.delete(db);
}

/**
 * Apply one event with the server's clock. The machine steps at once (so the next request sees the
 * new state, in arrival order); the event and its answer (UNIQUE per contest, question and player) are
 * written by group commit — hundreds of answers arriving together share one transaction and one
 * fsync — and the caller is answered only after that commit. Should the write fail, the contest is
 * dropped from memory and rebuilt from what the database holds.
 */
/** Contest writes wait this long to share a commit: at most 10 ms on an acknowledgement, far fewer fsyncs. */
const COMMIT_WINDOW_MS = 10;

/** Where the contest stood right after this event (the live state moves on as more events arrive). */
export type Applied = { ok: true; seq: number; phase: ContestState['phase']; round: number; question: number } | Extract<StepResult, { ok: false }>;

/** The final board earns points (members only, by rank) in the same commit as the event that ended it. */
function awardContest(db: Db, contestId: string, state: ContestState, now: number) {
	const title = contestRepo(db).byId(contestId)?.title ?? '';
	const players = ranking(state).map((r) => ({ playerId: r.playerId, rank: r.rank, answered: state.players[r.playerId].answered }));
	awards.contest(db, { id: contestId, title }, players, now, now);
}

export async function applyContestEvent(db: Db, contestId: string, event: ContestEvent, now = Date.now()): Promise<Applied | null> {
	const contest = await liveContest(db, contestId);
	if (!contest) return null;
	// Read before the step: the machine changes the state in place.
	const questionId = currentQuestionId(contest.plan.rounds, contest.state);
	const wasFinal = contest.state.phase === 'final';
	const r = step(contest.plan.rounds, contest.state, event, now, contest.isCorrect);
	if (!r.ok) return r;
	const answer = event.type === 'answer' ? { questionId: questionId!, playerId: event.playerId, response: event.response } : null;
	const ended = r.state.phase === 'final' && !wasFinal;
	contest.state = r.state;
	const applied: Applied = { ok: true, seq: r.state.seq, phase: r.state.phase, round: r.state.round, question: r.state.question };
	try {
		await commitSoon(
			db,
			() => {
				contestRepo(db).record(contestId, applied.seq, event, now, answer, ended);
				if (ended) awardContest(db, contestId, r.state, now);
			},
			COMMIT_WINDOW_MS
		);
	} catch (e) {
		liveByDb.get(db)?.delete(contestId);
		if (answer && String(e).includes('UNIQUE')) return { ok: false, reason: 'already' };
		throw e;
	}
	return applied;
}
