import type { Db } from '../db/client';
import { questionRepo } from '../quiz/question-repo';
import { contestRepo } from './contest-repo';
import { currentQuestionId, initialState, step, type ContestEvent, type ContestState, type IsCorrect, type RoundPlan, type StepResult } from '$lib/shared/contest/machine';
import { grade } from '$lib/shared/quiz/grade';

/** A contest's rounds, with the version of each question frozen when it was set up. */
export interface ContestPlan {
	rounds: RoundPlan[];
	versions: Record<string, number>;
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

/** Forget contests held in memory, as a restart does (tests). */
export function forgetLiveContests(db: Db) {
	liveByDb.delete(db);
}

/**
 * Apply one event with the server's clock. An accepted event is written (with its answer, UNIQUE per
 * contest, question and player) before the new state is kept or anyone is told: no await between the
 * machine's step and the write, so two requests cannot interleave.
 */
export async function applyContestEvent(db: Db, contestId: string, event: ContestEvent, now = Date.now()): Promise<StepResult | null> {
	const contest = await liveContest(db, contestId);
	if (!contest) return null;
	const r = step(contest.plan.rounds, contest.state, event, now, contest.isCorrect);
	if (!r.ok) return r;
	const answer = event.type === 'answer' ? { questionId: currentQuestionId(contest.plan.rounds, contest.state)!, playerId: event.playerId, response: event.response } : null;
	try {
		contestRepo(db).record(contestId, r.state.seq, event, now, answer, r.state.phase === 'final' && contest.state.phase !== 'final');
	} catch (e) {
		if (answer && String(e).includes('UNIQUE')) return { ok: false, reason: 'already' };
		throw e;
	}
	contest.state = r.state;
	return r;
}
