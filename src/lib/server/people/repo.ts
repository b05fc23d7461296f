import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { branchMoves, orgUnits, users } from '../db/schema';
import { uuidv7 } from '$lib/shared/id';
import type { OrgKind } from '$lib/shared/roles';

export type OrgUnitRow = typeof orgUnits.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** All SQL for the organisation tree and the people in it. */
export function peopleRepo(db: Db) {
	return {
		async insertOrgUnit(unit: { id: string; parentId: string | null; kind: OrgKind; name: string; sort?: number; isDemo?: boolean; now: number }) {
			const parent = unit.parentId ? await this.orgUnit(unit.parentId) : null;
			const path = `${parent ? parent.path : '/'}${unit.id}/`;
			const [row] = await db
				.insert(orgUnits)
				.values({ id: unit.id, parentId: unit.parentId, kind: unit.kind, name: unit.name, path, sort: unit.sort ?? 0, isDemo: unit.isDemo ?? false, createdAt: unit.now })
				.returning();
			return row;
		},

		async orgUnit(id: string): Promise<OrgUnitRow | undefined> {
			return db.select().from(orgUnits).where(eq(orgUnits.id, id)).get();
		},

		async orgUnits(ids: string[]): Promise<OrgUnitRow[]> {
			if (ids.length === 0) return [];
			return db.select().from(orgUnits).where(inArray(orgUnits.id, ids)).all();
		},

		/** The unit at `path` and everything beneath it, parents before children. */
		async subtree(path: string): Promise<OrgUnitRow[]> {
			return db
				.select()
				.from(orgUnits)
				.where(like(orgUnits.path, `${path}%`))
				.orderBy(asc(sql`length(${orgUnits.path})`), asc(orgUnits.sort), asc(orgUnits.name))
				.all();
		},

		async hasDemoOrganisation(): Promise<boolean> {
			const row = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.isDemo, true)).limit(1).get();
			return row !== undefined;
		},

		async countOrgUnits(): Promise<number> {
			const row = await db.select({ n: sql<number>`count(*)` }).from(orgUnits).get();
			return row?.n ?? 0;
		},

		async insertUser(user: NewUser): Promise<UserRow> {
			const [row] = await db.insert(users).values(user).returning();
			return row;
		},

		async userById(id: string): Promise<UserRow | undefined> {
			return db.select().from(users).where(eq(users.id, id)).get();
		},

		async userByPhone(phone: string): Promise<UserRow | undefined> {
			return db.select().from(users).where(eq(users.phone, phone)).get();
		},

		/** People whose branch lies under `path`, filtered by a name or phone fragment (unordered beyond active first). */
		async usersUnder(path: string, query: string, limit = 500): Promise<(UserRow & { branchName: string })[]> {
			const q = query.trim();
			const rows = await db
				.select({ user: users, branchName: orgUnits.name })
				.from(users)
				.innerJoin(orgUnits, eq(users.branchId, orgUnits.id))
				.where(and(like(orgUnits.path, `${path}%`), q ? or(like(users.name, `%${q}%`), like(users.phone, `%${q}%`)) : undefined))
				.orderBy(sql`${users.active} = 0`, asc(users.name))
				.limit(limit)
				.all();
			return rows.map((r) => ({ ...r.user, branchName: r.branchName }));
		},

		async usersByIds(ids: string[]): Promise<UserRow[]> {
			if (!ids.length) return [];
			return db.select().from(users).where(inArray(users.id, ids)).all();
		},

		/** Everyone in the given units: beneath one of `paths` (branches and above), or in one of `groupIds`. */
		async peopleUnder(paths: string[], groupIds: string[]): Promise<UserRow[]> {
			const scope = [...paths.map((p) => like(orgUnits.path, `${p}%`)), ...(groupIds.length ? [inArray(users.groupId, groupIds)] : [])];
			if (!scope.length) return [];
			const rows = await db
				.select({ user: users })
				.from(users)
				.innerJoin(orgUnits, eq(users.branchId, orgUnits.id))
				.where(or(...scope))
				.all();
			return rows.map((r) => r.user);
		},

		async updateUser(id: string, patch: Partial<Omit<NewUser, 'id' | 'createdAt'>>): Promise<UserRow | undefined> {
			const [row] = await db.update(users).set(patch).where(eq(users.id, id)).returning();
			return row;
		},

		async usersByPhones(phones: string[]): Promise<UserRow[]> {
			if (!phones.length) return [];
			return db.select().from(users).where(inArray(users.phone, phones)).all();
		},

		/** Insert many people in one transaction (an import): all or none. */
		insertUsers(rows: NewUser[]): void {
			db.transaction((tx) => {
				for (const row of rows) tx.insert(users).values(row).run();
			});
		},

		/** Move a person and note the move, together. */
		moveUser(id: string, move: { fromBranchId: string; toBranchId: string; groupId: string | null; secretaryOf: string | null; movedBy: string; now: number }): void {
			db.transaction((tx) => {
				tx.update(users).set({ branchId: move.toBranchId, groupId: move.groupId, secretaryOf: move.secretaryOf, updatedAt: move.now }).where(eq(users.id, id)).run();
				tx.insert(branchMoves).values({ id: uuidv7(move.now), userId: id, fromBranchId: move.fromBranchId, toBranchId: move.toBranchId, movedBy: move.movedBy, at: move.now }).run();
			});
		},

		/** Where a person has been: their moves, oldest first, with the branches' names. */
		async moves(userId: string) {
			return db
				.select({ at: branchMoves.at, fromBranchId: branchMoves.fromBranchId, toBranchId: branchMoves.toBranchId })
				.from(branchMoves)
				.where(eq(branchMoves.userId, userId))
				.orderBy(asc(branchMoves.at))
				.all();
		}
	};
}
export type PeopleRepo = ReturnType<typeof peopleRepo>;
