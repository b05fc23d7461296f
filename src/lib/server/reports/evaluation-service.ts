import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { policy } from '../auth/policy';
import type { Db } from '../db/client';
import { attendanceTally } from '../attendance/attendance-tally';
import { peopleRepo, type OrgUnitRow } from '../people/repo';
import { readableSubject } from '../people/service';
import { planTally } from '../study/plan-tally';
import { evaluationRepo } from './evaluation-repo';
import { m } from '$lib/paraglide/messages';
import { beijingDay } from '$lib/shared/day';
import { currentPeriod, periodOf, recentPeriods, type Period } from '$lib/shared/reports/period';
import { branchRows, EVALUATION_GRADES, examFigures, type BranchRow, type MemberRow } from '$lib/shared/reports/evaluation';
import type { Actor } from '$lib/shared/roles';
import { firstIssue } from '$lib/shared/schemas';

export interface EvaluationReport {
	period: Period;
	periods: Period[];
	unit: { id: string; name: string; kind: OrgUnitRow['kind'] };
	/** Units the actor may report on (their root and the branches beneath), for the picker. */
	units: { id: string; name: string }[];
	members: MemberRow[];
	branches: BranchRow[];
}

async function reportUnit(db: Db, actor: Actor, unitId: string | null) {
	const root = policy.managementRoot(actor);
	if (!root || !policy.openManagement(actor)) error(403, m.err_forbidden());
	const tree = (await peopleRepo(db).subtree(root)).filter((u) => u.kind !== 'group');
	const unit = unitId ? tree.find((u) => u.id === unitId) : tree.find((u) => u.path === root);
	if (!unit || !policy.readReports(actor, unit.path)) error(404, m.err_report_unit());
	return { unit, units: tree.filter((u) => policy.readReports(actor, u.path)).map((u) => ({ id: u.id, name: u.name })) };
}

/**
 * Half-year and annual figures for every active member of a unit's subtree and for each of its
 * branches: study, plans, reflections, exams, contests, attendance and points, with the grades given.
 * A handful of grouped queries whatever the size of the organisation (bench/report.ts).
 */
export async function evaluationReport(db: Db, actor: Actor, input: { unitId: string | null; period: string | null }, now = Date.now()): Promise<EvaluationReport> {
	const period = input.period ? periodOf(input.period) : currentPeriod(now);
	if (!period) error(400, m.err_period());
	const { unit, units } = await reportUnit(db, actor, input.unitId);
	const repo = evaluationRepo(db);
	const members = repo.members(unit.path);
	const ids = JSON.stringify(members.map((p) => p.id));
	const range = { ids, from: period.from, to: period.to, fromDay: period.fromDay, toDay: period.toDay };
	const [study, practice, reflections, contests, points, graded] = [repo.study(range), repo.practice(range), repo.reflections(range), repo.contests(range), repo.points(range), repo.evaluations(ids, period.key)];
	const exams = new Map<string, { best: number | null; passPercent: number }[]>();
	for (const e of repo.exams(range)) (exams.get(e.userId) ?? exams.set(e.userId, []).get(e.userId)!).push(e);
	const attendance = attendanceTally(db, unit.path, period.from, period.to, members);
	const plans = planTally(db, unit.path, period.fromDay, period.toDay, members, beijingDay(now));

	const rows: MemberRow[] = members.map((p) => {
		const st = study.get(p.id);
		const pr = practice.get(p.id);
		const rf = reflections.get(p.id);
		const at = attendance.get(p.id);
		const pl = plans.get(p.id);
		const pt = points.get(p.id);
		const ev = graded.get(p.id);
		return {
			id: p.id,
			name: p.name,
			phone: p.phone,
			branchId: p.branchId,
			branchName: p.branchName,
			studyMinutes: Math.round((st?.ms ?? 0) / 60_000),
			studyDays: st?.days ?? 0,
			practiceAnswered: pr?.answered ?? 0,
			practiceCorrect: pr?.correct ?? 0,
			reflections: rf?.count ?? 0,
			reflectionsExcellent: rf?.excellent ?? 0,
			reflectionsGood: rf?.good ?? 0,
			plansAssigned: pl?.assigned ?? 0,
			plansComplete: pl?.complete ?? 0,
			...examFigures(exams.get(p.id) ?? []),
			contests: contests.get(p.id)?.count ?? 0,
			contestPoints: pt?.contestPoints ?? 0,
			meetingsExpected: at?.expected ?? 0,
			meetingsAttended: at?.attended ?? 0,
			absences: at?.absent ?? 0,
			points: pt?.points ?? 0,
			evaluation: ev ? { grade: ev.grade, comment: ev.comment } : null
		};
	});
	const byPinyin = new Intl.Collator('zh-CN');
	rows.sort((a, b) => byPinyin.compare(a.branchName, b.branchName) || byPinyin.compare(a.name, b.name));
	return { period, periods: recentPeriods(now), unit: { id: unit.id, name: unit.name, kind: unit.kind }, units, members: rows, branches: branchRows(rows) };
}

const evaluationSchema = v.object({
	grade: v.picklist(EVALUATION_GRADES, () => m.err_evaluation_grade()),
	comment: v.pipe(v.string(), v.trim(), v.maxLength(500, () => m.err_evaluation_comment()))
});

/** The secretary's (or an admin's) overall grade and comment for one member and period; a second one replaces the first. */
export async function evaluateMember(db: Db, actor: Actor, userId: string, periodKey: string, input: unknown, now = Date.now()): Promise<{ ok: true } | { ok: false; message: string }> {
	const period = periodOf(periodKey);
	if (!period) return { ok: false, message: m.err_period() };
	const { user, subject } = await readableSubject(db, actor, userId);
	if (!policy.evaluateMember(actor, subject.branchPath)) error(403, m.err_forbidden());
	const parsed = v.safeParse(evaluationSchema, input);
	if (!parsed.success) return { ok: false, message: firstIssue(parsed.issues) };
	evaluationRepo(db).evaluate({ userId: user.id, period: period.key, grade: parsed.output.grade, comment: parsed.output.comment, branchId: user.branchId, by: actor.userId, now });
	return { ok: true };
}
