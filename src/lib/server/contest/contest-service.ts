import { createHash } from 'node:crypto';
import { error } from '@sveltejs/kit';
import { policy } from '../auth/policy';
import type { Db } from '../db/client';
import { stemHtml } from '../markdown';
import { peopleRepo } from '../people/repo';
import { questionRepo } from '../quiz/question-repo';
import { InProcessContestBus, type ContestBus, type ContestMessage, type PersonalResult } from './contest-bus';
import { applyContestEvent, liveContest, type ContestPlan } from './contest-engine';
import { contestRepo } from './contest-repo';
import { m } from '$lib/paraglide/messages';
import { checkNickname, NICKNAME_MAX, type NicknameCheck } from '$lib/shared/contest/nickname';
import { teamRanking } from '$lib/shared/contest/teams';
import { currentQuestionId, type ContestState, type ContestEvent, type HostCommand, type Refusal } from '$lib/shared/contest/machine';
import { fullRanking, personalResults, rosterOf, snapshotOf, type ShownQuestion } from '$lib/shared/contest/snapshot';
import type { Stake } from '$lib/shared/contest/scoring';
import type { Actor } from '$lib/shared/roles';

/** Who plays: a signed-in member, or a guest known by the secret in their browser's cookie. */
export type Guest = { guestToken: string };
export type Player = Actor | Guest;
const isGuest = (who: Player): who is Guest => 'guestToken' in who;

/**
 * A guest's seat id, derived from their cookie's secret and the contest: a guest id shows on screens
 * (a buzz, the host's roster), and knowing it gives no way to act in that seat.
 */
export const guestPlayerId = (token: string, contestId: string) => 'g_' + createHash('sha256').update(`${contestId}:${token}`).digest('base64url').slice(0, 22);

/** What the shared snapshot says of a seat (the first buzzer): a hash, so no account id reaches other phones. */
export const seatTag = (contestId: string, playerId: string) => createHash('sha256').update(`seat:${contestId}:${playerId}`).digest('base64url').slice(0, 12);

/** The seat this player acts in, if they may play this contest; null otherwise. */
async function seatOf(db: Db, who: Player, contestId: string): Promise<string | null> {
	if (!isGuest(who)) {
		const owner = contestRepo(db).ownerPath(contestId);
		return owner && policy.playContest(who, owner) ? who.userId : null;
	}
	const live = await liveContest(db, contestId);
	return live && policy.joinContestAsGuest(live.plan) ? guestPlayerId(who.guestToken, contestId) : null;
}

export type ContestOutcome = { ok: true; seq: number } | { ok: false; message: string; reason: Refusal };

const REFUSALS: Record<Refusal, () => string> = {
	stale: m.err_contest_stale,
	not_now: m.err_contest_not_now,
	unknown_player: m.err_contest_not_joined,
	removed: m.err_contest_removed,
	already: m.err_contest_already,
	not_your_turn: m.err_contest_not_your_turn
};

/** Per database (one per server): the fan-out, the phase timers and the questions as shown. Never per user. */
interface Room {
	bus: ContestBus;
	timers: Map<string, ReturnType<typeof setTimeout>>;
	/** Count-only updates waiting to go out (see COUNT_UPDATE_MS). */
	pending: Map<string, ReturnType<typeof setTimeout>>;
	shown: Map<string, ShownQuestion>;
	groupNames: Map<string, string>;
	/** Personal results per contest, for the seq they were computed at: one ranking per change, however many ask. */
	personal: Map<string, { seq: number; results: Record<string, PersonalResult> }>;
}
const rooms = new WeakMap<Db, Room>();
export function roomOf(db: Db): Room {
	let room = rooms.get(db);
	if (!room) rooms.set(db, (room = { bus: new InProcessContestBus(), timers: new Map(), pending: new Map(), shown: new Map(), groupNames: new Map(), personal: new Map() }));
	return room;
}

async function shownQuestion(db: Db, questionId: string | null, version: number | undefined): Promise<ShownQuestion | null> {
	if (!questionId || version === undefined) return null;
	const key = `${questionId}@${version}`;
	const room = roomOf(db);
	const cached = room.shown.get(key);
	if (cached) return cached;
	const v = await questionRepo(db).version(questionId, version);
	if (!v) return null;
	const shown = { content: v.content, stemHtml: stemHtml(v.content.stem) };
	room.shown.set(key, shown);
	return shown;
}

/**
 * The names of the teams: as typed for teams set by hand, else the players' 党小组 (looked up once per
 * group per server). Shared by the live screens and the results export.
 */
export async function teamNamesFor(db: Db, plan: ContestPlan, s: ContestState): Promise<Record<string, string>> {
	if (plan.teams?.names) return plan.teams.names;
	const { groupNames } = roomOf(db);
	const missing = [...new Set(Object.values(s.players).flatMap((p) => (p.teamId && !groupNames.has(p.teamId) ? [p.teamId] : [])))];
	if (missing.length) for (const u of await peopleRepo(db).orgUnits(missing)) groupNames.set(u.id, u.name);
	return Object.fromEntries(groupNames);
}

function personalAt(db: Db, contestId: string, s: ContestState): Record<string, PersonalResult> {
	const { personal } = roomOf(db);
	const cached = personal.get(contestId);
	if (cached?.seq === s.seq) return cached.results;
	const results = personalResults(s);
	personal.set(contestId, { seq: s.seq, results });
	return results;
}

const encoder = new TextEncoder();

/**
 * The message for the contest as it stands: the shared snapshot, and each player's result, sent after a
 * reveal, at a board and at the end (and on connecting: a player back from a dropped connection sees
 * their score at once).
 */
export async function contestMessage(db: Db, contestId: string, now = Date.now(), countsOnly = false): Promise<ContestMessage | null> {
	const live = await liveContest(db, contestId);
	if (!live) return null;
	const { plan, state: s } = live;
	const qid = currentQuestionId(plan.rounds, s);
	const teams = plan.teams && (s.phase === 'lobby' || s.phase === 'board' || s.phase === 'final') ? teamRanking(s, plan.teams.combine, await teamNamesFor(db, plan, s)) : null;
	const snapshot = snapshotOf(plan.rounds, s, await shownQuestion(db, qid, qid ? plan.versions[qid] : undefined), now, teams, (id) => seatTag(contestId, id));
	let frame: Uint8Array | null = null;
	let roster: string | null = null;
	let ranking: string | null = null;
	return {
		snapshot,
		countsOnly,
		frame: () => (frame ??= encoder.encode(`id: ${snapshot.seq}\nevent: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`)),
		sendsPersonal: s.phase === 'reveal' || s.phase === 'board' || s.phase === 'final',
		personalFor: (playerId) => personalAt(db, contestId, s)[playerId],
		rosterJson: () => (roster ??= JSON.stringify(rosterOf(s))),
		rankingJson: () => (s.phase === 'final' ? (ranking ??= JSON.stringify(fullRanking(s))) : null)
	};
}

/**
 * How often, at most, the counts (players joined, answers in) go out while nothing else changes. A
 * change of phase goes out at once; 5,000 answers must not mean 5,000 broadcasts to 5,000 phones.
 */
export const COUNT_UPDATE_MS = 250;

/** Apply, then tell everyone and set the timer for the phase's end. */
async function applyAndPublish(db: Db, contestId: string, event: ContestEvent, now: number): Promise<ContestOutcome> {
	const live = (await liveContest(db, contestId))?.state;
	const before = live && { phase: live.phase, round: live.round, question: live.question };
	const r = await applyContestEvent(db, contestId, event, now);
	if (!r) error(404, m.err_contest_missing());
	if (!r.ok) return { ok: false, message: REFUSALS[r.reason](), reason: r.reason };
	const samePlace = before !== undefined && before.phase === r.phase && before.round === r.round && before.question === r.question;
	const onlyCounts = samePlace && (event.type === 'join' || event.type === 'answer' || event.type === 'stake');
	if (onlyCounts) publishSoon(db, contestId);
	else await publish(db, contestId, now);
	return { ok: true, seq: r.seq };
}

function publishSoon(db: Db, contestId: string) {
	const { pending } = roomOf(db);
	if (pending.has(contestId)) return;
	const timer = setTimeout(() => {
		pending.delete(contestId);
		void publish(db, contestId, Date.now(), true).catch(() => undefined);
	}, COUNT_UPDATE_MS);
	timer.unref?.();
	pending.set(contestId, timer);
}

async function publish(db: Db, contestId: string, now: number, countsOnly = false) {
	const { pending } = roomOf(db);
	clearTimeout(pending.get(contestId));
	pending.delete(contestId);
	const message = await contestMessage(db, contestId, now, countsOnly);
	if (!message) return;
	roomOf(db).bus.publish(contestId, message);
	scheduleTick(db, contestId, message.snapshot.endsAt, now);
}

/** The server's clock moves the contest on (read time over, answer time over); the host need not. */
function scheduleTick(db: Db, contestId: string, endsAt: number | null, now: number) {
	const { timers } = roomOf(db);
	clearTimeout(timers.get(contestId));
	timers.delete(contestId);
	if (endsAt === null) return;
	const timer = setTimeout(() => void applyAndPublish(db, contestId, { type: 'tick' }, Date.now()).catch(() => undefined), Math.max(0, endsAt - now) + 5);
	timer.unref?.();
	timers.set(contestId, timer);
}

export async function hostCommand(db: Db, actor: Actor, contestId: string, expectSeq: number, command: HostCommand, now = Date.now()): Promise<ContestOutcome> {
	const owner = contestRepo(db).ownerPath(contestId);
	if (!owner || !policy.hostContest(actor, owner)) error(404, m.err_contest_missing());
	if (command.type === 'setTeam' && command.teamId !== null && !(await liveContest(db, contestId))?.plan.teams?.names?.[command.teamId]) {
		return { ok: false, message: m.err_contest_not_now(), reason: 'not_now' };
	}
	return applyAndPublish(db, contestId, { type: 'host', expectSeq, command }, now);
}

/** The projector: the contest's title and join code, for its host only. */
export function contestToHost(db: Db, actor: Actor, contestId: string) {
	const owner = contestRepo(db).ownerPath(contestId);
	const row = contestRepo(db).byId(contestId);
	if (!row || !owner || !policy.hostContest(actor, owner)) error(404, m.err_contest_missing());
	const plan = JSON.parse(row.plan) as ContestPlan;
	return { id: row.id, title: row.title, code: row.code, ended: row.endedAt !== null, teamsByHand: plan.teams?.names ?? null };
}

/** The 竞赛 tab: contests this member may join now. */
export function openContests(db: Db, actor: Actor) {
	return contestRepo(db).openAbove(actor.branchPath);
}

/** A signed-in member joins by the six digits (or the QR's link): as themselves, in their 党小组's team. */
export async function joinByCode(db: Db, actor: Actor, code: string, now = Date.now()): Promise<{ ok: true; contestId: string; title: string; seat: string } | { ok: false; message: string }> {
	const contestId = /^\d{6}$/.test(code) ? contestRepo(db).byCode(code) : null;
	const owner = contestId ? contestRepo(db).ownerPath(contestId) : null;
	if (!contestId || !owner || !policy.playContest(actor, owner)) return { ok: false, message: m.err_contest_code() };
	const user = await peopleRepo(db).userById(actor.userId);
	// Teams set by hand: a player starts unplaced, and coming back keeps where the host put them.
	const byHand = (await liveContest(db, contestId))?.plan.teams?.names !== undefined;
	const r = await applyAndPublish(db, contestId, { type: 'join', playerId: actor.userId, name: user?.name ?? '', teamId: byHand ? null : (actor.groupId ?? null) }, now);
	return r.ok ? { ok: true, contestId, title: contestRepo(db).byId(contestId)?.title ?? '', seat: seatTag(contestId, actor.userId) } : r;
}

export type GuestJoin = { ok: true; contestId: string; title: string; seat: string } | { ok: true; contestId: string; title: string; needNickname: true } | { ok: false; message: string; login?: true };

/**
 * A guest (not signed in) joins by code, where the contest lets guests in: with a nickname the first
 * time (checked: see shared/contest/nickname.ts), without one when coming back to the same seat.
 * A contest without guests sends them to sign in.
 */
export async function joinAsGuest(db: Db, guest: Guest, code: string, nickname: string | null, now = Date.now()): Promise<GuestJoin> {
	const contestId = /^\d{6}$/.test(code) ? contestRepo(db).byCode(code) : null;
	const live = contestId ? await liveContest(db, contestId) : null;
	if (!contestId || !live) return { ok: false, message: m.err_contest_code() };
	if (!policy.joinContestAsGuest(live.plan)) return { ok: false, message: m.err_signed_out(), login: true };
	const title = contestRepo(db).byId(contestId)?.title ?? '';
	const playerId = guestPlayerId(guest.guestToken, contestId);
	const seat = live.state.players[playerId];
	let name = seat?.name;
	if (nickname !== null) {
		const checked = checkNickname(nickname);
		if (!checked.ok) return { ok: false, message: NICKNAME_REFUSALS[checked.reason]() };
		name = checked.nickname;
	}
	if (!name) return { ok: true, contestId, title, needNickname: true };
	const r = await applyAndPublish(db, contestId, { type: 'join', playerId, name, teamId: null }, now);
	return r.ok ? { ok: true, contestId, title, seat: seatTag(contestId, playerId) } : r;
}

const NICKNAME_REFUSALS: Record<Exclude<NicknameCheck, { ok: true }>['reason'], () => string> = {
	empty: m.err_nickname_empty,
	long: () => m.err_nickname_long({ max: NICKNAME_MAX }),
	unreadable: m.err_nickname_unreadable,
	contact: m.err_nickname_contact,
	reserved: m.err_nickname_reserved,
	rude: m.err_nickname_rude
};

export type PlayerAction = { type: 'answer'; response: string[] } | { type: 'buzz' } | { type: 'stake'; stake: Stake };

export async function playerAction(db: Db, who: Player, contestId: string, action: PlayerAction, now = Date.now()): Promise<ContestOutcome> {
	const playerId = await seatOf(db, who, contestId);
	if (!playerId) error(404, m.err_contest_missing());
	return applyAndPublish(db, contestId, { ...action, playerId } as ContestEvent, now);
}

/** Whoever may host or play a contest may follow it; anyone else gets 404. Says whether they follow as host, and their seat. */
export async function assertMayFollow(db: Db, who: Player, contestId: string): Promise<{ host: boolean; playerId: string }> {
	const owner = contestRepo(db).ownerPath(contestId);
	const host = owner !== null && !isGuest(who) && policy.hostContest(who, owner);
	const playerId = owner ? await seatOf(db, who, contestId) : null;
	if (!owner || !(host || playerId)) error(404, m.err_contest_missing());
	return { host, playerId: playerId ?? (who as Actor).userId };
}

/** Follow a contest: the message now, then each change, until `stop`. */
export async function followContest(db: Db, who: Player, contestId: string, listener: (message: ContestMessage) => void): Promise<() => void> {
	await assertMayFollow(db, who, contestId);
	const stop = roomOf(db).bus.subscribe(contestId, listener);
	const message = await contestMessage(db, contestId, Date.now());
	if (message) {
		// After a restart nobody has armed the phase's timer yet: the first follower does.
		if (!roomOf(db).timers.has(contestId)) scheduleTick(db, contestId, message.snapshot.endsAt, message.snapshot.serverNow);
		listener({ ...message, sendsPersonal: true, countsOnly: false });
	}
	return stop;
}
