import type { Db } from '../db/client';
import { preparedFor } from '../db/prepared';
import type { Audience } from '../people/audience';
import { audienceOf, memberIndex, type MemberRef } from '../people/member-index';
import { groupBy } from '$lib/shared/group-by';
import { planStanding, requiredMs, type ReflectionState } from '$lib/shared/study/plan-progress';
import { readingMinutes } from '$lib/shared/study/reading-time';

export interface PlanTally {
	assigned: number;
	complete: number;
	/** Not complete after the due day. */
	overdue: number;
}

/** Plans of a subtree due in a period, with everything that decides who completed them: a few set queries. */
const statements = preparedFor((db) => {
	const c = db.$client;
	return {
		plans: c.prepare<[{ root: string; fromDay: string; toDay: string }], { id: string; audience: string; minMinutes: number | null; dueOn: string }>(
			`SELECT p.id, p.audience, p.min_minutes AS minMinutes, p.due_on AS dueOn FROM study_plans p JOIN org_units o ON o.id = p.branch_id
			  WHERE substr(o.path, 1, length(@root)) = @root AND p.due_on BETWEEN @fromDay AND @toDay`
		),
		items: c.prepare<[string], { planId: string; moduleId: string }>('SELECT plan_id AS planId, module_id AS moduleId FROM study_plan_items WHERE plan_id IN (SELECT value FROM json_each(?))'),
		lessons: c.prepare<[string], { id: string; moduleId: string; body: string }>('SELECT id, module_id AS moduleId, body FROM lessons WHERE module_id IN (SELECT value FROM json_each(?))'),
		progress: c.prepare<[string], { userId: string; lessonId: string; ms: number }>(
			'SELECT user_id AS userId, lesson_id AS lessonId, effective_ms AS ms FROM lesson_progress WHERE lesson_id IN (SELECT value FROM json_each(?))'
		),
		reflections: c.prepare<[string], ReflectionState & { planId: string; userId: string }>(
			'SELECT plan_id AS planId, module_id AS moduleId, user_id AS userId, status, grade FROM reflections WHERE plan_id IN (SELECT value FROM json_each(?)) ORDER BY submitted_at DESC'
		),
		units: c.prepare<[string], { id: string; path: string }>('SELECT id, path FROM org_units WHERE id IN (SELECT value FROM json_each(?))')
	};
});

/** Per member of `members`: study plans of the subtree due in the period they were on, and how many they completed. */
export function planTally(db: Db, root: string, fromDay: string, toDay: string, members: MemberRef[], today: string): Map<string, PlanTally> {
	const s = statements(db);
	const plans = s.plans.all({ root, fromDay, toDay });
	const tally = new Map<string, PlanTally>();
	if (!plans.length) return tally;
	const planIds = JSON.stringify(plans.map((p) => p.id));
	const items = groupBy(s.items.all(planIds), (i) => i.planId);
	const moduleIds = [...new Set([...items.values()].flat().map((i) => i.moduleId))];
	const lessons = s.lessons.all(JSON.stringify(moduleIds)).map((l) => ({ id: l.id, moduleId: l.moduleId, minutes: readingMinutes(l.body) }));
	const progress = new Map(s.progress.all(JSON.stringify(lessons.map((l) => l.id))).map((r) => [`${r.userId}:${r.lessonId}`, r.ms]));
	const reflections = groupBy(s.reflections.all(planIds), (r) => `${r.planId}:${r.userId}`);
	const audiences = plans.map((p) => JSON.parse(p.audience) as Audience);
	const pathOf = new Map(s.units.all(JSON.stringify([...new Set(audiences.flatMap((a) => a.units))])).map((u) => [u.id, u.path]));
	const index = memberIndex(members);

	plans.forEach((plan, i) => {
		const audience = audiences[i];
		const moduleIdsOfPlan = (items.get(plan.id) ?? []).map((it) => it.moduleId);
		const needs = lessons.filter((l) => moduleIdsOfPlan.includes(l.moduleId)).map((l) => ({ id: l.id, moduleId: l.moduleId, requiredMs: requiredMs(plan.minMinutes, l.minutes) }));
		const scope = { unitPaths: audience.units.flatMap((id) => pathOf.get(id) ?? []), groupIds: audience.units, people: audience.people };
		for (const p of audienceOf(index, scope)) {
			const standing = planStanding({ moduleIds: moduleIdsOfPlan, lessons: needs, msOf: (lessonId) => progress.get(`${p.id}:${lessonId}`) ?? 0, reflections: reflections.get(`${plan.id}:${p.id}`) ?? [], dueOn: plan.dueOn, today });
			const t = tally.get(p.id) ?? { assigned: 0, complete: 0, overdue: 0 };
			t.assigned++;
			if (standing.complete) t.complete++;
			if (standing.overdue) t.overdue++;
			tally.set(p.id, t);
		}
	});
	return tally;
}
