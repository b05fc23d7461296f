import type { Db } from '../db/client';
import { attendanceTally } from '../attendance/attendance-tally';
import { planTally } from '../study/plan-tally';
import { evaluationRepo, type ReportMember } from './evaluation-repo';
import { beijingDay } from '$lib/shared/day';
import { groupBy } from '$lib/shared/group-by';
import { examFigures, type MemberFigures } from '$lib/shared/reports/evaluation';
import type { Span } from '$lib/shared/reports/period';

export type FiguresRow = MemberFigures & { id: string; name: string; phone: string; branchId: string; branchName: string };

/**
 * Every figure of the evaluations for these members of the subtree at `root` over a span: study,
 * practice, reflections, plans, exams, contests, attendance and points. A handful of grouped queries
 * whatever the number of members (bench/report.ts).
 */
export function memberFigures(db: Db, root: string, members: ReportMember[], span: Span, now: number): FiguresRow[] {
	const repo = evaluationRepo(db);
	const ids = JSON.stringify(members.map((p) => p.id));
	const range = { ids, from: span.from, to: span.to, fromDay: span.fromDay, toDay: span.toDay };
	const [study, practice, reflections, contests, points] = [repo.study(range), repo.practice(range), repo.reflections(range), repo.contests(range), repo.points(range)];
	const exams = groupBy(repo.exams(range), (e) => e.userId);
	const attendance = attendanceTally(db, root, span.from, span.to, members);
	const plans = planTally(db, root, span.fromDay, span.toDay, members, beijingDay(now));

	return members.map((p) => {
		const st = study.get(p.id);
		const pr = practice.get(p.id);
		const rf = reflections.get(p.id);
		const at = attendance.get(p.id);
		const pl = plans.get(p.id);
		const pt = points.get(p.id);
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
			plansOverdue: pl?.overdue ?? 0,
			...examFigures(exams.get(p.id) ?? []),
			contests: contests.get(p.id)?.count ?? 0,
			contestPoints: pt?.contestPoints ?? 0,
			meetingsExpected: at?.expected ?? 0,
			meetingsAttended: at?.attended ?? 0,
			absences: at?.absent ?? 0,
			points: pt?.points ?? 0
		};
	});
}
