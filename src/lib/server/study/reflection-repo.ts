import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { preparedFor } from '../db/prepared';
import { modules, orgUnits, reflectionComments, reflections, studyPlans, users } from '../db/schema';

export type ReflectionRow = typeof reflections.$inferSelect;

/** Submissions arrive through /api/sync, inside its transaction: synchronous prepared statements. */
const statements = preparedFor((db) => {
	const c = db.$client;
	return {
		module: c.prepare<[string], { status: 'draft' | 'published'; ownerPath: string }>(
			'SELECT m.status, o.path AS ownerPath FROM modules m JOIN org_units o ON o.id = m.owner_unit_id WHERE m.id = ?'
		),
		plan: c.prepare<[string, string], { audience: string; minReflectionChars: number }>(
			`SELECT p.audience, p.min_reflection_chars AS minReflectionChars FROM study_plans p
			 JOIN study_plan_items i ON i.plan_id = p.id AND i.module_id = ? WHERE p.id = ?`
		),
		unitPaths: c.prepare<[string], { path: string }>('SELECT path FROM org_units WHERE id IN (SELECT value FROM json_each(?))'),
		owner: c.prepare<[string], { userId: string; status: ReflectionRow['status'] }>('SELECT user_id AS userId, status FROM reflections WHERE id = ?'),
		upsert: c.prepare(
			`INSERT INTO reflections (id, user_id, branch_id, module_id, plan_id, body, status, submitted_at, created_at, updated_at)
			 VALUES (@id, @userId, @branchId, @moduleId, @planId, @body, 'submitted', @at, @now, @now)
			 ON CONFLICT (id) DO UPDATE SET body = excluded.body, status = 'submitted', grade = NULL, submitted_at = excluded.submitted_at,
			 updated_at = excluded.updated_at, seen_at = NULL`
		)
	};
});

const listColumns = {
	id: reflections.id,
	userId: reflections.userId,
	author: users.name,
	body: reflections.body,
	status: reflections.status,
	grade: reflections.grade,
	reviewComment: reflections.reviewComment,
	reviewedAt: reflections.reviewedAt,
	seenAt: reflections.seenAt,
	submittedAt: reflections.submittedAt,
	moduleId: reflections.moduleId,
	moduleTitle: modules.title,
	planId: reflections.planId,
	planTitle: studyPlans.title,
	branchPath: orgUnits.path,
	peerComments: sql<boolean>`coalesce(${studyPlans.peerComments}, 0)`.mapWith(Boolean)
};
const listQuery = (db: Db) =>
	db
		.select(listColumns)
		.from(reflections)
		.innerJoin(users, eq(users.id, reflections.userId))
		.innerJoin(modules, eq(modules.id, reflections.moduleId))
		.innerJoin(orgUnits, eq(orgUnits.id, reflections.branchId))
		.leftJoin(studyPlans, eq(studyPlans.id, reflections.planId));
export type ReflectionListItem = Awaited<ReturnType<ReturnType<typeof listQuery>['all']>>[number];

/** All SQL for 学习心得, their reviews and comments. */
export function reflectionRepo(db: Db) {
	const s = statements(db);
	const list = () => listQuery(db);
	return {
		module: (id: string) => s.module.get(id),
		/** The plan, if it holds the module, with its audience's unit paths resolved. */
		planWithModule(planId: string, moduleId: string) {
			const plan = s.plan.get(moduleId, planId);
			if (!plan) return undefined;
			const audience = JSON.parse(plan.audience) as { units: string[]; people: string[] };
			const unitPaths = s.unitPaths.all(JSON.stringify(audience.units)).map((u) => u.path);
			return { minReflectionChars: plan.minReflectionChars, scope: { unitPaths, groupIds: audience.units, people: audience.people } };
		},
		owner: (id: string) => s.owner.get(id),
		upsert: (row: { id: string; userId: string; branchId: string; moduleId: string; planId: string | null; body: string; at: number; now: number }) => s.upsert.run(row),
		async byId(id: string): Promise<ReflectionListItem | undefined> {
			return list().where(eq(reflections.id, id)).get();
		},
		/** Waiting for review in branches under `root`, oldest first. */
		async waiting(root: string): Promise<ReflectionListItem[]> {
			return list()
				.where(and(eq(reflections.status, 'submitted'), sql`${orgUnits.path} like ${root + '%'}`))
				.orderBy(asc(reflections.submittedAt))
				.all();
		},
		/** The member's latest reflection on a module, for a plan or outside any. */
		async latest(userId: string, moduleId: string, planId: string | null) {
			return list()
				.where(and(eq(reflections.userId, userId), eq(reflections.moduleId, moduleId), planId ? eq(reflections.planId, planId) : isNull(reflections.planId)))
				.orderBy(desc(reflections.submittedAt))
				.get();
		},
		async ofUser(userId: string): Promise<ReflectionListItem[]> {
			return list().where(eq(reflections.userId, userId)).orderBy(desc(reflections.submittedAt)).all();
		},
		/** Other members' reflections on a plan (for peer comments). */
		async ofPlan(planId: string): Promise<ReflectionListItem[]> {
			return list().where(and(eq(reflections.planId, planId), ne(reflections.status, 'returned'))).orderBy(desc(reflections.submittedAt)).all();
		},
		async review(id: string, patch: Pick<ReflectionRow, 'status' | 'grade' | 'reviewComment' | 'reviewedBy' | 'reviewedAt' | 'updatedAt'>) {
			const r = await db
				.update(reflections)
				.set({ ...patch, seenAt: null })
				.where(and(eq(reflections.id, id), eq(reflections.status, 'submitted')))
				.run();
			return r.changes === 1;
		},
		/** Reviewed or returned reflections the member has not opened yet: the 学习 tab's badge. */
		async unseenCount(userId: string): Promise<number> {
			const r = await db
				.select({ n: sql<number>`count(*)` })
				.from(reflections)
				.where(and(eq(reflections.userId, userId), ne(reflections.status, 'submitted'), isNull(reflections.seenAt)))
				.get();
			return r?.n ?? 0;
		},
		async markSeen(userId: string, now: number) {
			await db
				.update(reflections)
				.set({ seenAt: now })
				.where(and(eq(reflections.userId, userId), ne(reflections.status, 'submitted'), isNull(reflections.seenAt)))
				.run();
		},
		async comments(reflectionIds: string[]) {
			if (!reflectionIds.length) return [];
			return db
				.select({ id: reflectionComments.id, reflectionId: reflectionComments.reflectionId, author: users.name, body: reflectionComments.body, createdAt: reflectionComments.createdAt })
				.from(reflectionComments)
				.innerJoin(users, eq(users.id, reflectionComments.userId))
				.where(inArray(reflectionComments.reflectionId, reflectionIds))
				.orderBy(asc(reflectionComments.createdAt))
				.all();
		},
		async addComment(row: typeof reflectionComments.$inferInsert) {
			await db.insert(reflectionComments).values(row).run();
		}
	};
}
