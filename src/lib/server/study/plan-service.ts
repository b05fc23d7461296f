import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { policy } from '../auth/policy';
import type { Db } from '../db/client';
import { recordAudit } from '../audit/audit-service';
import { audienceMembers, audienceScopes, audienceUnitChoices, resolveAudience, type Audience } from '../people/audience';
import { sendNotices } from '../notices/service';
import { peopleRepo } from '../people/repo';
import type { Outcome } from '../quiz/bank-service';
import { moduleRepo } from './module-repo';
import { downloadBytes } from './module-service';
import { planRepo, type PlanLesson } from './plan-repo';
import { reflectionRepo } from './reflection-repo';
import { m } from '$lib/paraglide/messages';
import { beijingDay } from '$lib/shared/day';
import { uuidv7 } from '$lib/shared/id';
import { pathsAbove } from '$lib/shared/org-tree';
import type { Actor } from '$lib/shared/roles';
import { firstIssue } from '$lib/shared/schemas';
import { planStanding, requiredMs, type LessonNeed, type PlanStanding } from '$lib/shared/study/plan-progress';
import { planInputSchema } from '$lib/shared/study/plan-schemas';
import { readingMinutes } from '$lib/shared/study/reading-time';

/** How long after its due day a plan still shows on the member's 学习 tab (overdue work stays visible). */
const SHOW_AFTER_DUE_DAYS = 30;

/** A plan the actor runs, or 404 (no probing). */
export async function planToManage(db: Db, actor: Actor, planId: string) {
	const plan = await planRepo(db).byId(planId);
	if (!plan || !policy.managePlan(actor, plan.branchPath)) error(404, m.err_plan_missing());
	return { ...plan, audience: JSON.parse(plan.audience) as Audience };
}

export async function managedPlans(db: Db, actor: Actor) {
	const root = policy.managementRoot(actor);
	if (!root) error(403, m.err_forbidden());
	return (await planRepo(db).under(root)).filter((p) => policy.managePlan(actor, p.branchPath));
}

/** What the plan form offers: the branches the actor runs (with their groups) and the modules they can see. */
export async function planFormChoices(db: Db, actor: Actor) {
	const root = policy.managementRoot(actor);
	if (!root) error(403, m.err_forbidden());
	const units = await audienceUnitChoices(db, root, (path) => policy.managePlan(actor, path));
	const branches = units.filter((u) => u.kind === 'branch');
	const all = await peopleRepo(db).subtree(root);
	const groupsOf = (branchId: string) => all.filter((u) => u.parentId === branchId && u.kind === 'group').map((u) => ({ id: u.id, name: u.name }));
	const paths = [...new Set([...pathsAbove(root), ...all.filter((u) => u.kind !== 'group').map((u) => u.path)])];
	const modules = (await moduleRepo(db).publishedAt(paths)).map((mod) => ({ id: mod.id, title: mod.title, track: mod.track, ownerPath: mod.ownerPath, lessonCount: mod.lessonCount }));
	return {
		branches: branches.map((b) => {
			const path = all.find((u) => u.id === b.id)!.path;
			return { id: b.id, name: b.name, groups: groupsOf(b.id), moduleIds: modules.filter((mod) => path.startsWith(mod.ownerPath)).map((mod) => mod.id) };
		}),
		modules: modules.map(({ ownerPath: _o, ...mod }) => mod)
	};
}

/**
 * Create a plan for one branch: its modules must be published and visible to the branch; its audience
 * is the branch, some of its groups, or people the actor manages.
 */
export async function createPlan(db: Db, actor: Actor, input: unknown, now = Date.now()): Promise<Outcome<{ id: string }>> {
	const parsed = v.safeParse(planInputSchema, input);
	if (!parsed.success) return { ok: false, message: firstIssue(parsed.issues) };
	const p = parsed.output;
	const branch = await peopleRepo(db).orgUnit(p.branchId);
	if (!branch || branch.kind !== 'branch') return { ok: false, message: m.err_plan_branch() };
	if (!policy.managePlan(actor, branch.path)) error(403, m.err_forbidden());
	const moduleIds = [...new Set(p.moduleIds)];
	for (const moduleId of moduleIds) {
		const mod = await moduleRepo(db).byId(moduleId);
		if (!mod || mod.status !== 'published' || !branch.path.startsWith(mod.ownerPath)) return { ok: false, message: m.err_plan_module() };
	}
	const audience = await resolveAudience(db, actor, p.audienceUnits, p.audiencePhones, (path) => path === branch.path, m.err_plan_audience());
	if (!audience.ok) return audience;
	const id = uuidv7(now);
	await planRepo(db).insert(
		{
			id,
			title: p.title,
			branchId: branch.id,
			audience: JSON.stringify(audience.audience),
			startsOn: p.startsOn,
			dueOn: p.dueOn,
			minMinutes: p.minMinutes ?? null,
			minReflectionChars: p.minReflectionChars,
			peerComments: p.peerComments,
			createdBy: actor.userId,
			createdAt: now,
			updatedAt: now
		},
		moduleIds
	);
	recordAudit(db, actor, 'plan.create', { targetId: id, summary: p.title, unitPath: branch.path }, now);
	return { ok: true, id };
}

const needsOf = (plan: { minMinutes: number | null }, lessons: PlanLesson[]): LessonNeed[] =>
	lessons.map((l) => ({ id: l.id, moduleId: l.moduleId, requiredMs: requiredMs(plan.minMinutes, readingMinutes(l.body)) }));

/** The plans a member is on that have started or will, and are not long over, with their standing in each. */
async function plansOfMember(db: Db, actor: Actor, now: number) {
	const today = beijingDay(now);
	const since = beijingDay(now - SHOW_AFTER_DUE_DAYS * 24 * 60 * 60 * 1000);
	const repo = planRepo(db);
	const current = await repo.current(since);
	const scopes = await audienceScopes(
		db,
		current.map((p) => JSON.parse(p.audience) as Audience)
	);
	const mine = current.filter((_, i) => policy.inAudience(actor, scopes[i]));
	const items = await repo.items(mine.map((p) => p.id));
	const lessons = await repo.lessonsOf([...new Set(items.map((i) => i.moduleId))]);
	const progress = await repo.progress([actor.userId], lessons.map((l) => l.id));
	const reflections = await repo.reflectionsOf(
		mine.map((p) => p.id),
		[actor.userId]
	);
	const plans = mine.map((plan) => {
		const own = items.filter((i) => i.planId === plan.id);
		const standing = planStanding({
			moduleIds: own.map((i) => i.moduleId),
			lessons: needsOf(plan, lessons.filter((l) => own.some((i) => i.moduleId === l.moduleId))),
			msOf: (lessonId) => progress.get(`${actor.userId}:${lessonId}`) ?? 0,
			reflections: reflections.filter((r) => r.planId === plan.id),
			dueOn: plan.dueOn,
			today
		});
		return {
			id: plan.id,
			title: plan.title,
			startsOn: plan.startsOn,
			dueOn: plan.dueOn,
			started: plan.startsOn <= today,
			minMinutes: plan.minMinutes,
			minReflectionChars: plan.minReflectionChars,
			peerComments: plan.peerComments,
			modules: own.map((i) => ({ id: i.moduleId, title: i.title, ...standing.modules.find((s) => s.moduleId === i.moduleId)! })),
			standing
		};
	});
	return { plans, lessons };
}

/** The member's plans for the 学习 tab, with each module's lessons and download size for 下载离线学习. */
export async function memberPlans(db: Db, actor: Actor, now = Date.now()) {
	const { plans, lessons } = await plansOfMember(db, actor, now);
	return plans.map((plan) => ({
		...plan,
		modules: plan.modules.map((mod) => {
			const own = lessons.filter((l) => l.moduleId === mod.id);
			return { ...mod, lessonIds: own.map((l) => l.id), downloadBytes: downloadBytes(own.map((l) => l.body)) };
		})
	}));
}

export interface PlanMemberRow {
	userId: string;
	name: string;
	phone: string;
	standing: PlanStanding;
}

/** The secretary's view: every member on the plan with lessons done, minutes, reflections and grades. */
export async function planReport(db: Db, actor: Actor, planId: string, now = Date.now()) {
	const plan = await planToManage(db, actor, planId);
	const repo = planRepo(db);
	const people = (await audienceMembers(db, plan.audience)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
	const items = await repo.items([plan.id]);
	const lessons = await repo.lessonsOf(items.map((i) => i.moduleId));
	const progress = await repo.progress(
		people.map((p) => p.id),
		lessons.map((l) => l.id)
	);
	const reflections = await repo.reflectionsOf([plan.id]);
	const needs = needsOf(plan, lessons);
	const today = beijingDay(now);
	const rows: PlanMemberRow[] = people.map((p) => ({
		userId: p.id,
		name: p.name,
		phone: p.phone,
		standing: planStanding({
			moduleIds: items.map((i) => i.moduleId),
			lessons: needs,
			msOf: (lessonId) => progress.get(`${p.id}:${lessonId}`) ?? 0,
			reflections: reflections.filter((r) => r.userId === p.id),
			dueOn: plan.dueOn,
			today
		})
	}));
	return {
		plan: { id: plan.id, title: plan.title, branchName: plan.branchName, startsOn: plan.startsOn, dueOn: plan.dueOn, minMinutes: plan.minMinutes, peerComments: plan.peerComments, minReflectionChars: plan.minReflectionChars },
		modules: items.map((i) => ({ id: i.moduleId, title: i.title, lessons: lessons.filter((l) => l.moduleId === i.moduleId).length })),
		rows,
		overdue: rows.filter((r) => r.standing.overdue),
		complete: rows.filter((r) => r.standing.complete).length
	};
}

/** One in-app reminder to each member who is overdue, saying what is left. Returns how many were sent. */
export async function remindOverdue(db: Db, actor: Actor, planId: string, now = Date.now()): Promise<number> {
	const report = await planReport(db, actor, planId, now);
	for (const row of report.overdue) {
		const s = row.standing;
		const body = m.plan_remind_body({ title: report.plan.title, due: report.plan.dueOn, done: s.lessonsDone, total: s.lessonsTotal, reflections: s.reflectionsIn, modules: s.modules.length });
		await sendNotices(db, actor, [row.userId], body, '/study', now);
	}
	recordAudit(db, actor, 'plan.remind', { targetId: planId, summary: m.audit_remind_summary({ title: report.plan.title, count: report.overdue.length }), unitPath: (await planToManage(db, actor, planId)).branchPath }, now);
	return report.overdue.length;
}

/**
 * A member's standing on one module: the plan that asks for it (the first current one, if any), the
 * time credited and required on each lesson, and their latest reflection on it.
 */
export async function moduleStudyState(db: Db, actor: Actor, moduleId: string, now = Date.now()) {
	const plan = (await plansOfMember(db, actor, now)).plans.find((p) => p.modules.some((mod) => mod.id === moduleId)) ?? null;
	const repo = planRepo(db);
	const lessons = await repo.lessonsOf([moduleId]);
	const progress = await repo.progress([actor.userId], lessons.map((l) => l.id));
	const reflection = await reflectionRepo(db).latest(actor.userId, moduleId, plan?.id ?? null);
	return {
		plan: plan && { id: plan.id, title: plan.title, dueOn: plan.dueOn, minReflectionChars: plan.minReflectionChars, overdue: plan.standing.overdue },
		lessons: Object.fromEntries(
			needsOf(plan ?? { minMinutes: null }, lessons).map((l) => [l.id, { ms: progress.get(`${actor.userId}:${l.id}`) ?? 0, requiredMs: l.requiredMs }])
		),
		reflection: reflection && { id: reflection.id, body: reflection.body, status: reflection.status, grade: reflection.grade, reviewComment: reflection.reviewComment, reviewedAt: reflection.reviewedAt }
	};
}
