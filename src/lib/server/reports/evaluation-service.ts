import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { recordAudit } from '../audit/audit-service';
import { policy } from '../auth/policy';
import type { Db } from '../db/client';
import { peopleRepo, type OrgUnitRow } from '../people/repo';
import { readableSubject } from '../people/service';
import { evaluationRepo } from './evaluation-repo';
import { memberFigures } from './member-figures';
import { m } from '$lib/paraglide/messages';
import { evaluationGradeLabel, periodLabel } from '$lib/shared/reports/labels';
import { currentPeriod, periodOf, recentPeriods, type Period } from '$lib/shared/reports/period';
import { branchRows, EVALUATION_GRADES, type BranchRow, type MemberRow } from '$lib/shared/reports/evaluation';
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

export async function reportUnit(db: Db, actor: Actor, unitId: string | null) {
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
	const members = evaluationRepo(db).members(unit.path);
	const graded = evaluationRepo(db).evaluations(JSON.stringify(members.map((p) => p.id)), period.key);
	const rows: MemberRow[] = memberFigures(db, unit.path, members, period, now).map((r) => {
		const ev = graded.get(r.id);
		return { ...r, evaluation: ev ? { grade: ev.grade, comment: ev.comment } : null };
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
	recordAudit(db, actor, 'evaluation.set', { targetId: user.id, summary: `${user.name} · ${periodLabel(period)} · ${evaluationGradeLabel(parsed.output.grade)}`, unitPath: subject.branchPath }, now);
	return { ok: true };
}
