import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { policy } from '../auth/policy';
import type { Db } from '../db/client';
import { recordAudit } from '../audit/audit-service';
import { stemHtml } from '../markdown';
import { awards } from '../points/awards';
import { appSettingsRepo } from '../settings/app-repo';
import { bankRepo, type BankWithOwner } from './bank-repo';
import { practiceRepo } from './practice-repo';
import { questionRepo, type StoredQuestion } from './question-repo';
import { m } from '$lib/paraglide/messages';
import { beijingDay, endOfBeijingDay, startOfBeijingDay } from '$lib/shared/day';
import { pathsAbove } from '$lib/shared/org-tree';
import { grade } from '$lib/shared/quiz/grade';
import { afterAnswer } from '$lib/shared/quiz/mistakes';
import { practiceAnswerSchema, type DailySet, type MistakeBook, type PracticeQuestion, type PracticeSet } from '$lib/shared/quiz/practice-schemas';
import { DEFAULT_DAILY_CAP, pickDaily, reviewCard } from '$lib/shared/quiz/review';
import { seededShuffle } from '$lib/shared/quiz/shuffle';
import type { Actor } from '$lib/shared/roles';
import { firstIssue } from '$lib/shared/schemas';

export const DAILY_CAP_KEY = 'quiz.dailyCap';

function toPractice(q: StoredQuestion, partialCredit: number): PracticeQuestion {
	return {
		id: q.id,
		version: q.version,
		bankId: q.bankId,
		type: q.type as PracticeQuestion['type'],
		stem: q.stem,
		stemHtml: stemHtml(q.stem),
		options: q.options,
		answer: q.answer,
		blanks: q.blanks,
		orderFree: q.orderFree,
		caseInsensitive: q.caseInsensitive,
		explanation: q.explanation,
		tags: q.tags,
		partialCredit
	};
}

/** Practice banks the member may use: owned by their branch or a unit above it. Exam banks never. */
export async function practiceBanks(db: Db, actor: Actor): Promise<BankWithOwner[]> {
	const banks = await bankRepo(db).list({ ownerPaths: pathsAbove(actor.branchPath), purpose: 'practice' });
	return banks.filter((b) => policy.practiseBank(actor, b));
}

export const MAX_DAILY_CAP = 50;

/** The 每日练习 cap for everyone: read by all, set by an admin of the whole organisation. */
export async function dailyCap(db: Db): Promise<number> {
	return appSettingsRepo(db).get(DAILY_CAP_KEY, DEFAULT_DAILY_CAP);
}

export async function setDailyCap(db: Db, actor: Actor, value: unknown, now = Date.now()): Promise<{ ok: true } | { ok: false; message: string }> {
	if (!policy.manageAppSettings(actor)) error(403, m.err_forbidden());
	const n = Number(value);
	if (!Number.isInteger(n) || n < 1 || n > MAX_DAILY_CAP) return { ok: false, message: m.err_daily_cap({ max: MAX_DAILY_CAP }) };
	await appSettingsRepo(db).set(DAILY_CAP_KEY, n, actor.userId, now);
	recordAudit(db, actor, 'quiz.daily_cap', { summary: String(n), unitPath: actor.adminOf!.path }, now);
	return { ok: true };
}

/** The 考学 tab's list: practice banks with how many questions each offers today. */
export async function practiceBankList(db: Db, actor: Actor, now = Date.now()) {
	const banks = await practiceBanks(db, actor);
	const counts = await questionRepo(db).practiceCounts(
		banks.map((b) => b.id),
		beijingDay(now)
	);
	return banks.map((b) => ({ id: b.id, name: b.name, track: b.track, ownerName: b.ownerName, description: b.description, count: counts.get(b.id) ?? 0 }));
}

/** A whole practice bank, keys and explanations included, for practice on the phone (online or off). */
export async function practiceSet(db: Db, actor: Actor, bankId: string, now = Date.now()): Promise<PracticeSet> {
	const bank = await bankRepo(db).byId(bankId);
	if (!bank || !policy.practiseBank(actor, bank)) error(404, m.err_bank_missing());
	const questions = await questionRepo(db).forPractice([bank.id], beijingDay(now));
	return { bankId: bank.id, name: bank.name, generatedAt: now, questions: questions.map((q) => toPractice(q, bank.partialCredit)) };
}

/**
 * Today's 每日练习: due cards first, then questions never seen (in an order of the member's own, so
 * a branch does not all get the same ones), up to the daily cap less what was answered today.
 */
export async function dailySet(db: Db, actor: Actor, now = Date.now()): Promise<DailySet> {
	const banks = await practiceBanks(db, actor);
	const credit = new Map(banks.map((b) => [b.id, b.partialCredit]));
	const questions = await questionRepo(db).forPractice(
		banks.map((b) => b.id),
		beijingDay(now)
	);
	const byId = new Map(questions.map((q) => [q.id, q]));
	const repo = practiceRepo(db);
	const cap = await dailyCap(db);
	const answeredToday = await repo.answeredSince(actor.userId, 'daily', startOfBeijingDay(now));
	const cards = (await repo.cards(actor.userId)).filter((c) => byId.has(c.questionId));
	const unseen = seededShuffle(
		questions.map((q) => q.id),
		actor.userId
	);
	const ids = pickDaily(cards, unseen, now, cap - answeredToday);
	return { day: beijingDay(now), cap, answeredToday, questions: ids.map((id) => toPractice(byId.get(id)!, credit.get(byId.get(id)!.bankId) ?? 0.5)) };
}

/** The member's 错题本, most recent mistake first. */
export async function mistakeBook(db: Db, actor: Actor): Promise<MistakeBook> {
	const rows = await practiceRepo(db).mistakes(actor.userId);
	return { questions: rows.filter((q) => q.type !== 'essay').map((q) => ({ ...toPractice(q, q.partialCredit), wrongCount: q.wrongCount, rightDays: q.rightDays })) };
}

/**
 * The `practice.answer` op: graded again on the server from the version the member saw, then the
 * answer, the 错题本 entry and the FSRS card are written together.
 */
export function preparePracticeAnswer(db: Db, actor: Actor, opId: string, payload: unknown, deviceAt: number, now: number): { write: () => void } | { reject: string } {
	const parsed = v.safeParse(practiceAnswerSchema, payload);
	if (!parsed.success) return { reject: firstIssue(parsed.issues) };
	const a = parsed.output;
	const repo = practiceRepo(db);
	const target = repo.target(a.questionId, a.version);
	if (!target) return { reject: m.err_practice_version() };
	const allowed = policy.practiseBank(actor, target) || (a.mode === 'mistakes' && repo.mistake(actor.userId, a.questionId) !== null);
	if (!allowed || target.content.type === 'essay') return { reject: m.err_practice_forbidden() };
	const result = grade(target.content, a.response, 1, { partialCredit: target.partialCredit });
	const correct = result.status === 'graded' && result.correct;
	const score = result.status === 'graded' ? result.score : 0;
	return {
		write: () => {
			repo.insertAnswer({ id: opId, userId: actor.userId, questionId: a.questionId, version: a.version, mode: a.mode, response: a.response, correct, score, ms: a.ms, at: deviceAt, now });
			repo.putMistake(actor.userId, a.questionId, afterAnswer(repo.mistake(actor.userId, a.questionId), correct, deviceAt), now);
			repo.putCard(actor.userId, a.questionId, reviewCard(repo.card(actor.userId, a.questionId), correct, a.ms, deviceAt), now);
			if (correct) {
				const at = Math.min(deviceAt, now);
				const day = beijingDay(at);
				awards.practice(db, actor.userId, day, repo.rightOnDay(actor.userId, startOfBeijingDay(at), endOfBeijingDay(day)), at, now);
			}
		}
	};
}
