import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { lessonProgress, lessonVersions, lessons, modules, orgUnits } from '../db/schema';

export type ModuleRow = typeof modules.$inferSelect;
export type LessonRow = typeof lessons.$inferSelect;
export interface ModuleWithOwner extends ModuleRow {
	ownerPath: string;
	ownerName: string;
	lessonCount: number;
}

const moduleColumns = {
	module: modules,
	ownerPath: orgUnits.path,
	ownerName: orgUnits.name,
	lessonCount: sql<number>`(select count(*) from ${lessons} where ${lessons.moduleId} = ${modules.id})`
};
type Joined = { module: ModuleRow; ownerPath: string; ownerName: string; lessonCount: number };
const flat = (r: Joined): ModuleWithOwner => ({ ...r.module, ownerPath: r.ownerPath, ownerName: r.ownerName, lessonCount: r.lessonCount });

/** All SQL for study modules and their lessons. */
export function moduleRepo(db: Db) {
	return {
		async insert(row: typeof modules.$inferInsert) {
			await db.insert(modules).values(row).run();
		},
		async update(id: string, patch: Partial<ModuleRow>) {
			await db.update(modules).set(patch).where(eq(modules.id, id)).run();
		},
		async byId(id: string): Promise<ModuleWithOwner | undefined> {
			const r = await db.select(moduleColumns).from(modules).innerJoin(orgUnits, eq(orgUnits.id, modules.ownerUnitId)).where(eq(modules.id, id)).get();
			return r && flat(r);
		},
		/** Modules owned under `root` (management), newest first. */
		async under(root: string): Promise<ModuleWithOwner[]> {
			const rows = await db
				.select(moduleColumns)
				.from(modules)
				.innerJoin(orgUnits, eq(orgUnits.id, modules.ownerUnitId))
				.where(sql`${orgUnits.path} like ${root + '%'}`)
				.orderBy(desc(modules.updatedAt))
				.all();
			return rows.map(flat);
		},
		/** Published modules owned at one of `ownerPaths` (a member's branch and the units above it). */
		async publishedAt(ownerPaths: string[]): Promise<ModuleWithOwner[]> {
			if (!ownerPaths.length) return [];
			const rows = await db
				.select(moduleColumns)
				.from(modules)
				.innerJoin(orgUnits, eq(orgUnits.id, modules.ownerUnitId))
				.where(and(eq(modules.status, 'published'), inArray(orgUnits.path, ownerPaths)))
				.orderBy(desc(modules.publishedAt))
				.all();
			return rows.map(flat);
		},
		async lessons(moduleId: string): Promise<LessonRow[]> {
			return db.select().from(lessons).where(eq(lessons.moduleId, moduleId)).orderBy(asc(lessons.sort)).all();
		},
		async lesson(id: string): Promise<LessonRow | undefined> {
			return db.select().from(lessons).where(eq(lessons.id, id)).get();
		},
		async insertLesson(row: typeof lessons.$inferInsert) {
			await db.insert(lessons).values(row).run();
		},
		async updateLesson(id: string, patch: Partial<LessonRow>) {
			await db.update(lessons).set(patch).where(eq(lessons.id, id)).run();
		},
		/** Keep a lesson's text as it is now (before an edit), under its current version number. */
		async keepVersion(lesson: LessonRow, now: number) {
			const { id, version, title, body, media, attachments } = lesson;
			await db.insert(lessonVersions).values({ lessonId: id, version, title, body, media, attachments, createdAt: now }).onConflictDoNothing().run();
		},
		async version(lessonId: string, version: number) {
			return db
				.select()
				.from(lessonVersions)
				.where(and(eq(lessonVersions.lessonId, lessonId), eq(lessonVersions.version, version)))
				.get();
		},
		/** The version of a lesson a member started on, if they have. */
		async startedVersion(userId: string, lessonId: string): Promise<number | null> {
			const r = await db
				.select({ version: lessonProgress.version })
				.from(lessonProgress)
				.where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.lessonId, lessonId)))
				.get();
			return r?.version ?? null;
		}
	};
}
