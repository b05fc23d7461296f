import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { policy } from '../auth/policy';
import type { Db } from '../db/client';
import { recordAudit } from '../audit/audit-service';
import { peopleRepo } from '../people/repo';
import { bankRepo } from '../quiz/bank-repo';
import { bankOwnerChoices, listBanks, type Outcome } from '../quiz/bank-service';
import { examRepo } from '../quiz/exam-repo';
import type { ContestPlan } from './contest-engine';
import { contestRepo } from './contest-repo';
import { m } from '$lib/paraglide/messages';
import { CONTEST_TYPES, contestInputSchema, teamNamesOf, type RoundInput } from '$lib/shared/contest/contest-form';
import type { RoundPlan } from '$lib/shared/contest/machine';
import type { Scoring } from '$lib/shared/contest/scoring';
import { beijingDay } from '$lib/shared/day';
import { uuidv7 } from '$lib/shared/id';
import { checkPaper, DEFAULT_POINTS, drawPaper, type Paper, type PaperRule } from '$lib/shared/quiz/paper';
import { splitTags } from '$lib/shared/quiz/parse-text';
import type { Actor } from '$lib/shared/roles';
import { firstIssue } from '$lib/shared/schemas';

/** The streak bonus a round switches on: +2 per answer in a row after the first, at most +10. */
const STREAK = { per: 2, cap: 10 };

/**
 * What the contest form offers: units to hold it in and banks to draw from. Practice banks only: a
 * contest shows every answer and 解析 on the big screen, which an exam bank must never do.
 */
export async function contestFormChoices(db: Db, actor: Actor) {
	return {
		owners: await bankOwnerChoices(db, actor),
		banks: (await listBanks(db, actor)).filter((b) => b.purpose === 'practice').map((b) => ({ id: b.id, name: b.name, count: b.questionCount }))
	};
}

/** Contests in the actor's care, newest first, with where each stands. */
export function managedContests(db: Db, actor: Actor) {
	const root = policy.managementRoot(actor);
	if (!root) error(403, m.err_forbidden());
	return contestRepo(db)
		.listUnder(root)
		.filter((c) => policy.hostContest(actor, c.ownerPath))
		.map((c) => ({ ...c, state: c.endedAt !== null ? ('ended' as const) : c.started ? ('live' as const) : ('lobby' as const) }));
}

function scoringOf(r: RoundInput): Scoring {
	return { mode: r.scoring, points: r.points, ...(r.scoring === 'capped' ? { fullSeconds: r.fullSeconds } : {}), ...(r.streak && r.kind === 'all' ? { streak: STREAK } : {}) };
}

/** Six digits no contest still open uses. */
function freshCode(db: Db): string {
	for (;;) {
		const code = String(100000 + Math.floor(Math.random() * 900000));
		if (!contestRepo(db).byCode(code)) return code;
	}
}

/**
 * Set up a contest: each round's questions are drawn now from its bank by its rules (distinct across
 * rounds), or taken as picked by hand for the first round, and each question's version is frozen. A
 * round the bank cannot fill is refused with how many fit.
 */
export async function createContest(db: Db, actor: Actor, input: unknown, now = Date.now()): Promise<Outcome<{ id: string }>> {
	const parsed = v.safeParse(contestInputSchema, input);
	if (!parsed.success) return { ok: false, message: firstIssue(parsed.issues) };
	const c = parsed.output;
	const owner = await peopleRepo(db).orgUnit(c.ownerUnitId);
	if (!owner || owner.kind === 'group') return { ok: false, message: m.err_bank_owner_kind() };
	if (!policy.hostContest(actor, owner.path)) error(403, m.err_forbidden());

	const fixed = [...new Set(c.fixedQuestionIds)];
	const drawn = c.rounds.map((r, i) => ({ round: i, rule: i === 0 && fixed.length ? null : r })).filter((x) => x.rule !== null);
	const fixedBanks = await examRepo(db).candidates([], fixed, beijingDay(now));
	if (fixedBanks.length !== fixed.length) return { ok: false, message: m.err_exam_fixed_gone({ missing: fixed.length - fixedBanks.length }) };
	if (fixedBanks.some((q) => !(CONTEST_TYPES as readonly string[]).includes(q.type))) return { ok: false, message: m.err_contest_fixed_type() };
	for (const bankId of new Set([...drawn.map((d) => d.rule!.bankId), ...fixedBanks.map((q) => q.bankId)])) {
		const bank = await bankRepo(db).byId(bankId);
		if (!bank || !policy.readBank(actor, bank.ownerPath)) return { ok: false, message: m.err_exam_rule_bank() };
		if (bank.purpose !== 'practice') return { ok: false, message: m.err_contest_exam_bank({ bank: bank.name }) };
	}

	const rules: PaperRule[] = drawn.map(({ rule: r }) => ({ bankId: r!.bankId, type: r!.type, count: r!.count!, tags: splitTags(r!.tags), maxDifficulty: r!.maxDifficulty }));
	const paper: Paper = { kind: 'rules', rules, pointsByType: DEFAULT_POINTS };
	const candidates = (await examRepo(db).candidates([...new Set(rules.map((r) => r.bankId))], [], beijingDay(now))).filter((q) => !fixed.includes(q.id));
	const short = checkPaper(paper, candidates)[0];
	if (short) return { ok: false, message: m.err_contest_shortfall({ round: drawn[short.rule].round + 1, needed: short.needed, available: short.available }) };
	const items = rules.length ? drawPaper(paper, candidates, uuidv7(now)) : [];

	const versions: Record<string, number> = Object.fromEntries(fixedBanks.map((q) => [q.id, q.version]));
	for (const item of items) versions[item.questionId] = item.version;
	let next = 0;
	const rounds: RoundPlan[] = c.rounds.map((r, i) => {
		const questionIds = i === 0 && fixed.length ? fixed : items.slice(next, (next += r.count!)).map((q) => q.questionId);
		return { kind: r.kind, questionIds, seconds: r.seconds, readSeconds: r.readSeconds, scoring: scoringOf(r), buzzPenalty: r.kind === 'buzz' ? r.penalty : 0 };
	});
	const teams =
		c.teams === 'groups'
			? { combine: c.teamScore }
			: c.teams === 'manual'
				? { combine: c.teamScore, names: Object.fromEntries(teamNamesOf(c.teamNames).map((name, i) => [`t${i + 1}`, name])) }
				: null;
	const plan: ContestPlan = { rounds, versions, ...(teams ? { teams } : {}), ...(c.guests ? { guests: true } : {}) };
	const id = uuidv7(now);
	contestRepo(db).insert({ id, title: c.title, ownerUnitId: owner.id, code: freshCode(db), plan: JSON.stringify(plan), createdBy: actor.userId, createdAt: now });
	recordAudit(db, actor, 'contest.create', { targetId: id, summary: c.title, unitPath: owner.path }, now);
	return { ok: true, id };
}
