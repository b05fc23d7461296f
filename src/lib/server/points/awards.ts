import type { Db } from '../db/client';
import { ledgerRepo } from './ledger-repo';
import { beijingDay } from '$lib/shared/day';
import { contestPoints, examPoints, grantWithinCap, reflectionPoints, unitsWorth, withDefaults, type PointRule, type PointRules } from '$lib/shared/points/rules';

/**
 * The one place where learning becomes points: each capability calls its award here when the
 * learning is recorded, inside the same transaction where it can. Every award is idempotent (the
 * ledger's key), respects its rule's daily cap, and counts towards the Beijing day of the learning.
 */

export function pointRules(db: Db): PointRules {
	return withDefaults(ledgerRepo(db).storedRules() as Parameters<typeof withDefaults>[0]);
}

interface Grant {
	userId: string;
	rule: PointRule;
	source: string;
	asked: number;
	at: number;
	note?: string;
	day?: string;
}

/** Append what the cap leaves of `asked`; nothing when the source already earned or nothing is left. */
function grant(db: Db, g: Grant, cap: number, now: number): number {
	const repo = ledgerRepo(db);
	const day = g.day ?? beijingDay(g.at);
	if (repo.has(g.userId, g.rule, g.source)) return 0;
	const points = grantWithinCap(g.asked, repo.earned(g.userId, day, g.rule), cap);
	if (points <= 0) return 0;
	return repo.insert({ userId: g.userId, rule: g.rule, source: g.source, points, day, at: g.at, note: g.note ?? '' }, now) ? points : 0;
}

/** A running total for the day is worth `worth` points: add what it newly earned (within the cap). */
function grantRunning(db: Db, userId: string, rule: PointRule, day: string, worth: number, cap: number, at: number, now: number): number {
	const already = ledgerRepo(db).earned(userId, day, rule);
	const due = Math.min(worth, cap);
	if (due <= already) return 0;
	return grant(db, { userId, rule, source: `${day}#${due}`, asked: due - already, at, day }, cap, now);
}

export const awards = {
	/** Reading credit landed: `dayMs` is the member's credited study time on that day, this report included. */
	study(db: Db, userId: string, day: string, dayMs: number, at: number, now: number): number {
		const r = pointRules(db).study;
		return grantRunning(db, userId, 'study', day, unitsWorth(dayMs / 60_000, r.minutes), r.cap, at, now);
	},

	/** A practice answer landed: `correctToday` is how many questions the member got right that day. */
	practice(db: Db, userId: string, day: string, correctToday: number, at: number, now: number): number {
		const r = pointRules(db).practice;
		return grantRunning(db, userId, 'practice', day, unitsWorth(correctToday, r.correct), r.cap, at, now);
	},

	/** A reflection was graded (the first grade counts; a reflection is locked once graded). */
	reflection(db: Db, userId: string, reflectionId: string, grade: string | null, title: string, at: number, now: number): number {
		const r = pointRules(db).reflection;
		return grant(db, { userId, rule: 'reflection', source: reflectionId, asked: reflectionPoints(r, grade), at, note: title }, r.cap, now);
	},

	/** An exam attempt is final (graded): the first passing result of each exam earns by its band. */
	exam(db: Db, userId: string, exam: { id: string; title: string; passPercent: number }, score: number, maxScore: number, at: number, now: number): number {
		const r = pointRules(db).exam;
		return grant(db, { userId, rule: 'exam', source: exam.id, asked: examPoints(r, score, maxScore, exam.passPercent), at, note: exam.title }, r.cap, now);
	},

	/** A contest ended: every member who answered at least once, by final rank (guests earn nothing). */
	contest(db: Db, contest: { id: string; title: string }, players: { playerId: string; rank: number; answered: number }[], at: number, now: number): void {
		const r = pointRules(db).contest;
		const people = ledgerRepo(db).existingUsers(players.map((p) => p.playerId));
		for (const p of players) {
			if (p.answered > 0 && people.has(p.playerId)) grant(db, { userId: p.playerId, rule: 'contest', source: contest.id, asked: contestPoints(r, p.rank), at, note: contest.title }, r.cap, now);
		}
	},

	/** Checked in (present or late) at a meeting, by scan, admission or the secretary's mark. */
	meeting(db: Db, userId: string, meeting: { id: string; title: string }, at: number, now: number): number {
		const r = pointRules(db).meeting;
		return grant(db, { userId, rule: 'meeting', source: meeting.id, asked: r.points, at, note: meeting.title }, r.cap, now);
	},

	/** The 补学 of a missed meeting is done. */
	makeup(db: Db, userId: string, meeting: { id: string; title: string }, at: number, now: number): number {
		const r = pointRules(db).makeup;
		return grant(db, { userId, rule: 'makeup', source: meeting.id, asked: r.points, at, note: meeting.title }, r.cap, now);
	}
};
