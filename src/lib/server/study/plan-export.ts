import type { Db } from '../db/client';
import { toXlsx } from '../xlsx';
import { planReport } from './plan-service';
import { m } from '$lib/paraglide/messages';
import type { Actor } from '$lib/shared/roles';
import { planStateText, reflectionText } from '$lib/shared/study/labels';

/** The secretary's plan view as a workbook: one row per member on the plan. */
export async function planReportSheet(db: Db, actor: Actor, planId: string, now = Date.now()) {
	const report = await planReport(db, actor, planId, now);
	const headers = [m.plan_col_name(), m.person_phone(), m.plan_col_lessons(), m.plan_col_minutes(), m.plan_col_reflections(), m.plan_col_grades(), m.plan_col_state()];
	const rows = report.rows.map((r) => {
		const s = r.standing;
		return [
			r.name,
			r.phone,
			`${s.lessonsDone}/${s.lessonsTotal}`,
			Math.floor(s.effectiveMs / 60_000),
			`${s.reflectionsIn}/${s.modules.length}`,
			s.modules.map((mod) => reflectionText(mod.reflection)).join('、'),
			planStateText(s)
		];
	});
	return { title: report.plan.title, bytes: await toXlsx(report.plan.title.slice(0, 31), headers, rows) };
}
