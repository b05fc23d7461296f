import type { Db } from '../db/client';
import { meetingRules } from '../attendance/compliance-service';
import { evaluationRepo, type ReportMember } from './evaluation-repo';
import { reportUnit } from './evaluation-service';
import { memberFigures } from './member-figures';
import { beijingDay } from '$lib/shared/day';
import { groupBy } from '$lib/shared/group-by';
import type { Actor } from '$lib/shared/roles';
import { branchRows, type BranchRow } from '$lib/shared/reports/evaluation';
import { currentPeriod, monthSpan, weekSpan, type Period, type Span } from '$lib/shared/reports/period';

const DAY_MS = 24 * 60 * 60 * 1000;
const TREND_WEEKS = 12;
const QUIET_DAYS = 30;

/** Who studied at all in a span (read, practised, wrote or sat an exam). */
function participantsIn(db: Db, ids: string, span: Span): Set<string> {
	const repo = evaluationRepo(db);
	const range = { ids, from: span.from, to: span.to, fromDay: span.fromDay, toDay: span.toDay };
	return new Set([...repo.study(range).keys(), ...repo.practice(range).keys(), ...repo.reflections(range).keys(), ...repo.exams(range).map((e) => e.userId)]);
}

export interface DashboardBranch extends BranchRow {
	weekParticipation: number;
	monthParticipation: number;
}

export interface Attention {
	id: string;
	name: string;
	branchName: string;
	quiet: boolean;
	absences: number;
	plansOverdue: number;
}

export interface Dashboard {
	unit: { id: string; name: string; kind: string };
	units: { id: string; name: string }[];
	half: Period;
	week: Span;
	month: Span;
	members: number;
	weekParticipation: number;
	monthParticipation: number;
	/** The unit's half-year figures over all its members (null when it has none). */
	overall: BranchRow | null;
	branches: DashboardBranch[];
	/** Participants per week, oldest first (a branch only: an organisation's trend is left to its branches). */
	trend: { week: string; participants: number }[] | null;
	attention: Attention[];
}

const rate = (people: ReportMember[], set: Set<string>) => (people.length ? people.filter((p) => set.has(p.id)).length / people.length : 0);

/**
 * The branch at a glance (or every branch of the tree for an admin): participation this week and
 * month, the half-year's plan completion, attendance, exam average and points, and who needs attention
 * (no learning in 30 days, repeated unexcused absences, overdue plans).
 */
export async function dashboard(db: Db, actor: Actor, unitId: string | null, now = Date.now()): Promise<Dashboard> {
	const { unit, units } = await reportUnit(db, actor, unitId);
	const members = evaluationRepo(db).members(unit.path);
	const ids = JSON.stringify(members.map((p) => p.id));
	const half = currentPeriod(now);
	const week = weekSpan(now);
	const month = monthSpan(now);
	const rows = memberFigures(db, unit.path, members, half, now);
	const inWeek = participantsIn(db, ids, week);
	const inMonth = participantsIn(db, ids, month);
	const quietFrom = now - QUIET_DAYS * DAY_MS;
	const recent = participantsIn(db, ids, { from: quietFrom, to: now, fromDay: beijingDay(quietFrom), toDay: beijingDay(now) });
	const { threshold } = await meetingRules(db);

	const byBranch = groupBy(members, (p) => p.branchId);
	const branches = branchRows(rows.map((r) => ({ ...r, evaluation: null }))).map((b) => {
		const people = byBranch.get(b.branchId) ?? [];
		return { ...b, weekParticipation: rate(people, inWeek), monthParticipation: rate(people, inMonth) };
	});
	// The whole unit as one row: its rates are totals over everyone, not averages of the branches'.
	const [overall] = branchRows(rows.map((r) => ({ ...r, branchId: unit.id, branchName: unit.name, evaluation: null })));
	const isBranch = unit.kind === 'branch';
	const trend = isBranch
		? Array.from({ length: TREND_WEEKS }, (_, i) => {
				const span = weekSpan(now, TREND_WEEKS - 1 - i);
				return { week: span.fromDay.slice(5), participants: participantsIn(db, ids, span).size };
			})
		: null;
	const attention = rows
		.map((r) => ({ id: r.id, name: r.name, branchName: r.branchName, quiet: !recent.has(r.id), absences: r.absences, plansOverdue: r.plansOverdue }))
		.filter((a) => a.quiet || a.absences >= threshold || a.plansOverdue > 0)
		.sort((a, b) => b.plansOverdue + b.absences - (a.plansOverdue + a.absences) || Number(b.quiet) - Number(a.quiet));
	return {
		unit: { id: unit.id, name: unit.name, kind: unit.kind },
		units,
		half,
		week,
		month,
		members: members.length,
		weekParticipation: rate(members, inWeek),
		monthParticipation: rate(members, inMonth),
		overall: overall ?? null,
		branches,
		trend,
		attention: attention.slice(0, 50)
	};
}
