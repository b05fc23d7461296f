import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { orgUnits, questionBanks, questions } from '../db/schema';

export type BankRow = typeof questionBanks.$inferSelect;
export type NewBank = typeof questionBanks.$inferInsert;
export interface BankWithOwner extends BankRow {
	ownerName: string;
	ownerPath: string;
	ownerKind: string;
	questionCount: number;
}

const bankColumns = {
	id: questionBanks.id,
	name: questionBanks.name,
	track: questionBanks.track,
	purpose: questionBanks.purpose,
	ownerUnitId: questionBanks.ownerUnitId,
	description: questionBanks.description,
	partialCredit: questionBanks.partialCredit,
	createdBy: questionBanks.createdBy,
	createdAt: questionBanks.createdAt,
	updatedAt: questionBanks.updatedAt,
	archivedAt: questionBanks.archivedAt,
	ownerName: orgUnits.name,
	ownerPath: orgUnits.path,
	ownerKind: orgUnits.kind,
	questionCount: sql<number>`(select count(*) from ${questions} where ${questions.bankId} = ${questionBanks.id} and ${questions.deletedAt} is null)`
};

/** All SQL for question banks. */
export function bankRepo(db: Db) {
	return {
		async insert(bank: NewBank): Promise<BankRow> {
			const [row] = await db.insert(questionBanks).values(bank).returning();
			return row;
		},

		async update(id: string, patch: Partial<Pick<BankRow, 'name' | 'track' | 'purpose' | 'description' | 'partialCredit' | 'archivedAt'>>, now: number) {
			await db
				.update(questionBanks)
				.set({ ...patch, updatedAt: now })
				.where(eq(questionBanks.id, id))
				.run();
		},

		async byId(id: string): Promise<BankWithOwner | undefined> {
			return db.select(bankColumns).from(questionBanks).innerJoin(orgUnits, eq(orgUnits.id, questionBanks.ownerUnitId)).where(eq(questionBanks.id, id)).get();
		},

		/**
		 * Live banks whose owner lies on one of `paths` (exact owner paths, e.g. the units above a member)
		 * or under `under` (a subtree), newest first.
		 */
		async list(filter: { ownerPaths?: string[]; under?: string | null; purpose?: 'practice' | 'exam' }): Promise<BankWithOwner[]> {
			const scope = [];
			if (filter.ownerPaths?.length) scope.push(inArray(orgUnits.path, filter.ownerPaths));
			if (filter.under) scope.push(sql`${orgUnits.path} like ${filter.under + '%'}`);
			if (scope.length === 0) return [];
			return db
				.select(bankColumns)
				.from(questionBanks)
				.innerJoin(orgUnits, eq(orgUnits.id, questionBanks.ownerUnitId))
				.where(and(isNull(questionBanks.archivedAt), scope.length === 1 ? scope[0] : sql`(${scope[0]} or ${scope[1]})`, filter.purpose ? eq(questionBanks.purpose, filter.purpose) : undefined))
				.orderBy(asc(sql`length(${orgUnits.path})`), desc(questionBanks.createdAt), desc(questionBanks.id))
				.all();
		}
	};
}
