import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { policy } from '../auth/policy';
import type { Db } from '../db/client';
import { recordAudit } from '../audit/audit-service';
import { peopleRepo } from '../people/repo';
import { audienceMembers, audienceUnitChoices, resolveAudience } from '../people/audience';
import { bankRepo } from './bank-repo';
import { questionRepo } from './question-repo';
import { examRepo, type Audience } from './exam-repo';
import { finalizeExpired } from './exam-grading';
import { m } from '$lib/paraglide/messages';
import { attemptPassed } from '$lib/shared/quiz/exam-pass';
import { beijingDay } from '$lib/shared/day';
import { uuidv7 } from '$lib/shared/id';
import { examInputSchema } from '$lib/shared/quiz/exam-form';
import { checkPaper, DEFAULT_POINTS, paperSize, type Paper } from '$lib/shared/quiz/paper';
import { splitTags } from '$lib/shared/quiz/parse-text';
import type { Actor } from '$lib/shared/roles';
import { firstIssue } from '$lib/shared/schemas';
import { bankOwnerChoices, listBanks, type Outcome } from './bank-service';

/** An exam the actor may manage, or 404 (also when it exists but is not theirs: no probing). */
export async function examToManage(db: Db, actor: Actor, examId: string) {
	const exam = await examRepo(db).byId(examId);
	if (!exam || !policy.manageExam(actor, exam.ownerPath)) error(404, m.err_exam_missing());
	return { ...exam, paper: JSON.parse(exam.paper) as Paper, audience: JSON.parse(exam.audience) as Audience };
}

export async function managedExams(db: Db, actor: Actor) {
	const root = policy.managementRoot(actor);
	if (!root) error(403, m.err_forbidden());
	const exams = await examRepo(db).list(root);
	return exams.filter((e) => policy.manageExam(actor, e.ownerPath));
}


/** What the exam form offers: units to own it, banks to draw from, branches and groups to sit it. */
export async function examFormChoices(db: Db, actor: Actor) {
	const root = policy.managementRoot(actor);
	if (!root) error(403, m.err_forbidden());
	return {
		owners: await bankOwnerChoices(db, actor),
		banks: (await listBanks(db, actor)).map((b) => ({ id: b.id, name: b.name, count: b.questionCount })),
		units: await audienceUnitChoices(db, root, (path) => policy.manageExam(actor, path))
	};
}

/**
 * Create an exam (a draft). Its rules are checked against the banks now: a rule the bank cannot
 * satisfy is refused here, with how many questions it needs and how many fit.
 */
export async function createExam(db: Db, actor: Actor, input: unknown, now = Date.now()): Promise<Outcome<{ id: string }>> {
	const parsed = v.safeParse(examInputSchema, input);
	if (!parsed.success) return { ok: false, message: firstIssue(parsed.issues) };
	const e = parsed.output;
	const owner = await peopleRepo(db).orgUnit(e.ownerUnitId);
	if (!owner || owner.kind === 'group') return { ok: false, message: m.err_bank_owner_kind() };
	if (!policy.manageExam(actor, owner.path)) error(403, m.err_forbidden());

	const fixed = [...new Set(e.fixedQuestionIds)];
	const fixedBanks = await questionRepo(db).bankIdsOf(fixed);
	if (fixedBanks.size !== fixed.length) return { ok: false, message: m.err_exam_fixed_gone({ missing: fixed.length - fixedBanks.size }) };
	for (const bankId of new Set([...(fixed.length ? [] : e.rules.map((r) => r.bankId)), ...fixedBanks.values()])) {
		const bank = await bankRepo(db).byId(bankId);
		if (!bank || !policy.readBank(actor, bank.ownerPath)) return { ok: false, message: m.err_exam_rule_bank() };
	}
	const audience = await resolveAudience(db, actor, e.audienceUnits, e.audiencePhones, (path) => policy.manageExam(actor, path));
	if (!audience.ok) return audience;

	const pointsByType = { ...DEFAULT_POINTS, ...e.pointsByType };
	const paper: Paper = fixed.length
		? { kind: 'fixed', questionIds: fixed, pointsByType }
		: { kind: 'rules', rules: e.rules.map((r) => ({ bankId: r.bankId, type: r.type, count: r.count, tags: splitTags(r.tags), maxDifficulty: r.maxDifficulty })), pointsByType };
	const shortfall = await paperShortfall(db, paper, now);
	if (shortfall) return { ok: false, message: shortfall };

	const id = uuidv7(now);
	await examRepo(db).insert({
		id,
		title: e.title,
		ownerUnitId: owner.id,
		paper: JSON.stringify(paper),
		audience: JSON.stringify(audience.audience satisfies Audience),
		opensAt: e.opens,
		closesAt: e.closes,
		timeLimitMin: e.timeLimitMin,
		attemptsAllowed: e.attemptsAllowed,
		passPercent: e.passPercent,
		shuffleQuestions: e.shuffleQuestions,
		shuffleOptions: e.shuffleOptions,
		showResults: e.showResults,
		status: 'draft',
		createdBy: actor.userId,
		createdAt: now,
		updatedAt: now
	});
	recordAudit(db, actor, 'exam.create', { targetId: id, summary: e.title, unitPath: owner.path }, now);
	return { ok: true, id };
}

/** The first rule the banks cannot satisfy today, in words, or null. */
export async function paperShortfall(db: Db, paper: Paper, now: number): Promise<string | null> {
	const bankIds = paper.kind === 'rules' ? [...new Set(paper.rules.map((r) => r.bankId))] : [];
	const fixed = paper.kind === 'fixed' ? paper.questionIds : [];
	const short = checkPaper(paper, await examRepo(db).candidates(bankIds, fixed, beijingDay(now)))[0];
	if (!short) return null;
	return short.rule < 0 ? m.err_exam_fixed_gone({ missing: short.needed - short.available }) : m.err_exam_shortfall({ rule: short.rule + 1, needed: short.needed, available: short.available });
}

/** Publish a draft: members on its list see it from then on. The rules are checked again (questions may have expired). */
export async function publishExam(db: Db, actor: Actor, examId: string, now = Date.now()): Promise<Outcome<object>> {
	const exam = await examToManage(db, actor, examId);
	const shortfall = await paperShortfall(db, exam.paper, now);
	if (shortfall) return { ok: false, message: shortfall };
	await examRepo(db).update(examId, { status: 'published', updatedAt: now });
	recordAudit(db, actor, 'exam.publish', { targetId: examId, summary: exam.title, unitPath: exam.ownerPath }, now);
	return { ok: true };
}

export interface ResultRow {
	userId: string;
	name: string;
	state: 'absent' | 'open' | 'marking' | 'graded';
	score: number | null;
	passed: boolean | null;
	minutes: number | null;
	tabSwitches: number;
	fastAnswers: number;
}

/** Who was expected, who sat the exam, their best attempt, pass rate and time used. */
export async function examResults(db: Db, actor: Actor, examId: string, now = Date.now()) {
	const exam = await examToManage(db, actor, examId);
	await finalizeExpired(db, now);
	const repo = examRepo(db);
	const people = await audienceMembers(db, exam.audience);
	const attempts = await repo.attemptsOfExam(examId);
	const maxScore = paperSize(exam.paper) ? (attempts[0]?.maxScore ?? null) : null;
	const rows: ResultRow[] = people.map((p) => {
		const mine = attempts.filter((a) => a.userId === p.id);
		const best = mine.filter((a) => a.status !== 'open').sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0];
		const current = best ?? mine.find((a) => a.status === 'open');
		const passed = best && best.status === 'graded' ? attemptPassed(best, exam.passPercent) : null;
		return {
			userId: p.id,
			name: p.name,
			state: current ? current.status : 'absent',
			score: best?.score ?? null,
			passed,
			minutes: best?.submittedAt ? Math.max(1, Math.round((best.submittedAt - best.startedAt) / 60_000)) : null,
			tabSwitches: mine.reduce((n, a) => n + a.tabSwitches, 0),
			fastAnswers: mine.reduce((n, a) => n + a.fastAnswers, 0)
		};
	});
	const sat = rows.filter((r) => r.state !== 'absent');
	const graded = rows.filter((r) => r.passed !== null);
	return {
		exam,
		maxScore,
		rows: rows.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.name.localeCompare(b.name, 'zh-CN')),
		expected: rows.length,
		sat: sat.length,
		passRate: graded.length ? graded.filter((r) => r.passed).length / graded.length : null,
		average: graded.length ? graded.reduce((n, r) => n + (r.score ?? 0), 0) / graded.length : null
	};
}
