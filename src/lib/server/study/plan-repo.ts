import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { lessonProgress, lessons, modules, orgUnits, reflections, studyPlanItems, studyPlans } from '../db/schema';

export type PlanRow = typeof studyPlans.$inferSelect;
export interface PlanWithBranch extends PlanRow {
	branchPath: string;
	branchName: string;
}
export interface PlanLesson {
	id: string;
	moduleId: string;
	title: string;
	body: string;
	sort: number;
}

const planColumns = { plan: studyPlans, branchPath: orgUnits.path, branchName: orgUnits.name };
const flat = (r: { plan: PlanRow; branchPath: string; branchName: string }): PlanWithBranch => ({ ...r.plan, branchPath: r.branchPath, branchName: r.branchName });

/** All SQL for study plans and the progress they report on. */
export function planRepo(db: Db) {
	return {
		async insert(plan: typeof studyPlans.$inferInsert, moduleIds: string[]) {
			db.transaction((tx) => {
				tx.insert(studyPlans).values(plan).run();
				tx.insert(studyPlanItems)
					.values(moduleIds.map((moduleId, sort) => ({ planId: plan.id, moduleId, sort })))
					.run();
			});
		},
		async byId(id: string): Promise<PlanWithBranch | undefined> {
			const r = await db.select(planColumns).from(studyPlans).innerJoin(orgUnits, eq(orgUnits.id, studyPlans.branchId)).where(eq(studyPlans.id, id)).get();
			return r && flat(r);
		},
		/** Plans run by branches under `root`, latest due first. */
		async under(root: string): Promise<PlanWithBranch[]> {
			const rows = await db
				.select(planColumns)
				.from(studyPlans)
				.innerJoin(orgUnits, eq(orgUnits.id, studyPlans.branchId))
				.where(sql`${orgUnits.path} like ${root + '%'}`)
				.orderBy(desc(studyPlans.dueOn), desc(studyPlans.createdAt))
				.all();
			return rows.map(flat);
		},
		/** Plans not long over (due on or after `sinceDay`), for finding a member's own. */
		async current(sinceDay: string): Promise<PlanWithBranch[]> {
			const rows = await db
				.select(planColumns)
				.from(studyPlans)
				.innerJoin(orgUnits, eq(orgUnits.id, studyPlans.branchId))
				.where(gte(studyPlans.dueOn, sinceDay))
				.orderBy(asc(studyPlans.dueOn))
				.all();
			return rows.map(flat);
		},
		/** The plan's modules in order, with title and track. */
		async items(planIds: string[]) {
			if (!planIds.length) return [];
			return db
				.select({ planId: studyPlanItems.planId, moduleId: modules.id, title: modules.title, track: modules.track, sort: studyPlanItems.sort })
				.from(studyPlanItems)
				.innerJoin(modules, eq(modules.id, studyPlanItems.moduleId))
				.where(inArray(studyPlanItems.planId, planIds))
				.orderBy(asc(studyPlanItems.planId), asc(studyPlanItems.sort))
				.all();
		},
		async lessonsOf(moduleIds: string[]): Promise<PlanLesson[]> {
			if (!moduleIds.length) return [];
			return db
				.select({ id: lessons.id, moduleId: lessons.moduleId, title: lessons.title, body: lessons.body, sort: lessons.sort })
				.from(lessons)
				.where(inArray(lessons.moduleId, moduleIds))
				.orderBy(asc(lessons.moduleId), asc(lessons.sort))
				.all();
		},
		/** Credited milliseconds by `userId:lessonId`. */
		async progress(userIds: string[], lessonIds: string[]): Promise<Map<string, number>> {
			if (!userIds.length || !lessonIds.length) return new Map();
			const rows = await db
				.select({ userId: lessonProgress.userId, lessonId: lessonProgress.lessonId, ms: lessonProgress.effectiveMs })
				.from(lessonProgress)
				.where(and(inArray(lessonProgress.userId, userIds), inArray(lessonProgress.lessonId, lessonIds)))
				.all();
			return new Map(rows.map((r) => [`${r.userId}:${r.lessonId}`, r.ms]));
		},
		/** The reflections written for these plans, latest first. */
		async reflectionsOf(planIds: string[], userIds?: string[]) {
			if (!planIds.length) return [];
			return db
				.select({ id: reflections.id, planId: reflections.planId, moduleId: reflections.moduleId, userId: reflections.userId, status: reflections.status, grade: reflections.grade, submittedAt: reflections.submittedAt })
				.from(reflections)
				.where(and(inArray(reflections.planId, planIds), userIds ? inArray(reflections.userId, userIds) : undefined))
				.orderBy(desc(reflections.submittedAt))
				.all();
		}
	};
}
