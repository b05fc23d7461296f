import { and, asc, eq, gte, inArray, isNull, like, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { questionBanks, questions, questionVersions } from '../db/schema';
import { preparedFor } from '../db/prepared';
import type { QuestionContent, QuestionDraft, QuestionType } from '$lib/shared/quiz/types';

export type QuestionRow = typeof questions.$inferSelect;

export interface StoredQuestion extends QuestionDraft {
	id: string;
	bankId: string;
	version: number;
	stemKey: string;
	createdAt: number;
	updatedAt: number;
}

export interface NewQuestion {
	id: string;
	draft: QuestionDraft;
	stemKey: string;
}

export interface QuestionFilter {
	/** Only these questions. */
	ids?: string[];
	type?: QuestionType;
	tag?: string;
	/** Words in the stem. */
	text?: string;
	/** `expired`: past its valid-until day; `current`: not. Days are YYYY-MM-DD, compared as text. */
	validity?: { state: 'expired' | 'current'; today: string };
}

/** The content part of a draft, as stored in `content` (everything grading needs). */
export function contentOf(d: QuestionContent): QuestionContent {
	return {
		type: d.type,
		stem: d.stem,
		options: d.options,
		answer: d.answer,
		blanks: d.blanks,
		orderFree: d.orderFree,
		caseInsensitive: d.caseInsensitive,
		reference: d.reference,
		explanation: d.explanation,
		points: d.points
	};
}

export function toStored(row: QuestionRow): StoredQuestion {
	const content = JSON.parse(row.content) as QuestionContent;
	return {
		...content,
		id: row.id,
		bankId: row.bankId,
		version: row.version,
		stemKey: row.stemKey,
		tags: JSON.parse(row.tags) as string[],
		difficulty: row.difficulty,
		source: row.source,
		validUntil: row.validUntil,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt
	};
}

/** Questions members may practise today: live, not expired, and not 简答 (no key to check against). */
const practicable = (bankIds: string[], today: string) =>
	and(inArray(questions.bankId, bankIds), isNull(questions.deletedAt), ne(questions.type, 'essay'), or(isNull(questions.validUntil), gte(questions.validUntil, today)));

/** The columns a draft sets (insert and edit alike). */
function draftColumns(draft: QuestionDraft, stemKey: string) {
	return {
		type: draft.type,
		stem: draft.stem,
		content: JSON.stringify(contentOf(draft)),
		tags: JSON.stringify(draft.tags),
		difficulty: draft.difficulty,
		points: draft.points,
		source: draft.source,
		validUntil: draft.validUntil,
		stemKey
	};
}

/** Bulk inserts skip Drizzle's query builder: an import may hold 20,000 questions. */
const bulk = preparedFor((db) => ({
	question: db.$client.prepare(
		`insert into questions (id, bank_id, version, type, stem, content, tags, difficulty, points, source, valid_until, stem_key, sort, created_at, updated_at)
		 values (@id, @bankId, 1, @type, @stem, @content, @tags, @difficulty, @points, @source, @validUntil, @stemKey, @sort, @now, @now)`
	),
	version: db.$client.prepare(`insert into question_versions (question_id, version, content, points, created_by, created_at) values (@id, 1, @content, @points, @by, @now)`),
	maxSort: db.$client.prepare<[string], { s: number | null }>(`select max(sort) as s from questions where bank_id = ?`)
}));

/** Reads prepared once; `versions` takes its pairs as one JSON parameter `[[id, version], …]`. */
const hotReads = preparedFor((db) => ({
	struggles: db.$client.prepare<[string], { id: string; lapses: number; answers: number; got: number }>(
		`SELECT q.id, coalesce(r.l, 0) AS lapses, coalesce(p.n, 0) + coalesce(e.n, 0) AS answers, coalesce(p.s, 0) + coalesce(e.s, 0) AS got
			 FROM questions q
			 LEFT JOIN (SELECT question_id, sum(lapses) AS l FROM review_cards GROUP BY question_id) r ON r.question_id = q.id
			 LEFT JOIN (SELECT question_id, count(*) AS n, sum(score) AS s FROM practice_answers GROUP BY question_id) p ON p.question_id = q.id
			 LEFT JOIN (SELECT question_id, count(*) AS n, sum(correct) AS s FROM exam_answers WHERE score IS NOT NULL GROUP BY question_id) e ON e.question_id = q.id
			 WHERE q.bank_id = ? AND q.deleted_at IS NULL`
	),
	versions: db
		.select({ id: questionVersions.questionId, version: questionVersions.version, content: questionVersions.content, partialCredit: questionBanks.partialCredit })
		.from(sql`json_each(${sql.placeholder('pairs')}) as p`)
		.innerJoin(questionVersions, sql`${questionVersions.questionId} = json_extract(p.value, '$[0]') and ${questionVersions.version} = json_extract(p.value, '$[1]')`)
		.innerJoin(questions, eq(questions.id, questionVersions.questionId))
		.innerJoin(questionBanks, eq(questionBanks.id, questions.bankId))
		.prepare()
}));

/** All SQL for questions and their versions. */
export function questionRepo(db: Db) {
	return {
		/** Insert new questions at the end of a bank, each as version 1, in one transaction. */
		async insertMany(bankId: string, items: NewQuestion[], by: string | null, now: number): Promise<number> {
			const s = bulk(db);
			const run = db.$client.transaction(() => {
				let sort = s.maxSort.get(bankId)?.s ?? 0;
				for (const { id, draft, stemKey } of items) {
					const columns = draftColumns(draft, stemKey);
					sort += 1;
					s.question.run({ id, bankId, ...columns, sort, now });
					s.version.run({ id, content: columns.content, points: draft.points, by, now });
				}
			});
			run();
			return items.length;
		},

		/** Save an edit as a new version; earlier versions stay as they were for the answers that used them. */
		async update(id: string, draft: QuestionDraft, stemKey: string, by: string | null, now: number): Promise<number> {
			return db.transaction((tx) => {
				const row = tx.select({ version: questions.version }).from(questions).where(eq(questions.id, id)).get();
				if (!row) return 0;
				const version = row.version + 1;
				const columns = draftColumns(draft, stemKey);
				tx.update(questions)
					.set({ version, ...columns, updatedAt: now })
					.where(eq(questions.id, id))
					.run();
				tx.insert(questionVersions).values({ questionId: id, version, content: columns.content, points: draft.points, createdBy: by, createdAt: now }).run();
				return version;
			});
		},

		async softDelete(id: string, now: number) {
			await db.update(questions).set({ deletedAt: now, updatedAt: now }).where(eq(questions.id, id)).run();
		},

		async byId(id: string): Promise<StoredQuestion | undefined> {
			const row = await db
				.select()
				.from(questions)
				.where(and(eq(questions.id, id), isNull(questions.deletedAt)))
				.get();
			return row ? toStored(row) : undefined;
		},

		/** The live stem keys of a bank with the id of the question holding each, for duplicate checks. */
		async stemKeys(bankId: string): Promise<Map<string, string>> {
			const rows = await db
				.select({ id: questions.id, key: questions.stemKey })
				.from(questions)
				.where(and(eq(questions.bankId, bankId), isNull(questions.deletedAt)))
				.all();
			return new Map(rows.map((r) => [r.key, r.id]));
		},

		async list(bankId: string, filter: QuestionFilter, limit: number, offset = 0): Promise<{ questions: StoredQuestion[]; total: number }> {
			const where = and(
				eq(questions.bankId, bankId),
				isNull(questions.deletedAt),
				filter.ids ? sql`${questions.id} in (select value from json_each(${JSON.stringify(filter.ids)}))` : undefined,
				filter.type ? eq(questions.type, filter.type) : undefined,
				filter.tag ? sql`exists (select 1 from json_each(${questions.tags}) where value = ${filter.tag})` : undefined,
				filter.text ? like(questions.stem, `%${filter.text.replace(/[%_\\]/g, (c) => '\\' + c)}%`) : undefined,
				filter.validity?.state === 'expired' ? lt(questions.validUntil, filter.validity.today) : undefined,
				filter.validity?.state === 'current' ? or(isNull(questions.validUntil), gte(questions.validUntil, filter.validity.today)) : undefined
			);
			const rows = await db.select().from(questions).where(where).orderBy(asc(questions.sort)).limit(limit).offset(offset).all();
			const total = (await db.select({ n: sql<number>`count(*)` }).from(questions).where(where).get())?.n ?? 0;
			return { questions: rows.map(toStored), total };
		},

		/** Every live question of a bank, in bank order (for exports). */
		async all(bankId: string): Promise<StoredQuestion[]> {
			const rows = await db
				.select()
				.from(questions)
				.where(and(eq(questions.bankId, bankId), isNull(questions.deletedAt)))
				.orderBy(asc(questions.sort))
				.all();
			return rows.map(toStored);
		},

		/** Counts per type and of expired questions in a bank, and its tags. */
		async summary(bankId: string, today: string) {
			const live = and(eq(questions.bankId, bankId), isNull(questions.deletedAt));
			const byType = await db.select({ type: questions.type, n: sql<number>`count(*)` }).from(questions).where(live).groupBy(questions.type).all();
			const expired = (await db.select({ n: sql<number>`count(*)` }).from(questions).where(and(live, lt(questions.validUntil, today))).get())?.n ?? 0;
			const tags = await db
				.select({ tag: sql<string>`j.value`, n: sql<number>`count(*)` })
				.from(sql`${questions}, json_each(${questions.tags}) j`)
				.where(live)
				.groupBy(sql`j.value`)
				.orderBy(sql`count(*) desc`)
				.all();
			return { byType, expired, tags };
		},

		/** The bank of each of these questions (live or not). */
		async bankIdsOf(ids: string[]): Promise<Map<string, string>> {
			if (!ids.length) return new Map();
			const rows = await db
				.select({ id: questions.id, bankId: questions.bankId })
				.from(questions)
				.where(sql`${questions.id} in (select value from json_each(${JSON.stringify(ids)}))`)
				.all();
			return new Map(rows.map((r) => [r.id, r.bankId]));
		},

		/** Questions members may practise in these banks today: live, not expired, and not 简答 (no key to check against). */
		async forPractice(bankIds: string[], today: string): Promise<StoredQuestion[]> {
			if (bankIds.length === 0) return [];
			const rows = await db
				.select()
				.from(questions)
				.where(practicable(bankIds, today))
				.orderBy(asc(questions.bankId), asc(questions.sort))
				.all();
			return rows.map(toStored);
		},

		/** Per question of a bank: FSRS lapses summed over members, and answers (practice and marked exam answers) with the share right. */
		async struggles(bankId: string): Promise<{ id: string; lapses: number; answers: number; facility: number | null }[]> {
			const rows = hotReads(db).struggles.all(bankId);
			return rows.map((r) => ({ id: r.id, lapses: r.lapses, answers: r.answers, facility: r.answers ? r.got / r.answers : null }));
		},

		/** How many questions of each bank members may practise today. */
		async practiceCounts(bankIds: string[], today: string): Promise<Map<string, number>> {
			if (bankIds.length === 0) return new Map();
			const rows = await db
				.select({ bankId: questions.bankId, n: sql<number>`count(*)` })
				.from(questions)
				.where(practicable(bankIds, today))
				.groupBy(questions.bankId)
				.all();
			return new Map(rows.map((r) => [r.bankId, r.n]));
		},

		/** Frozen contents of many question versions at once, with their bank's partial credit. Key: `id@version`. */
		async versions(pairs: { questionId: string; version: number }[]): Promise<Map<string, { content: QuestionContent; partialCredit: number }>> {
			if (!pairs.length) return new Map();
			const rows = hotReads(db).versions.all({ pairs: JSON.stringify(pairs.map((p) => [p.questionId, p.version])) });
			return new Map(rows.map((r) => [`${r.id}@${r.version}`, { content: JSON.parse(r.content) as QuestionContent, partialCredit: r.partialCredit }]));
		},

		/** The frozen content of one version of a question. */
		async version(questionId: string, version: number): Promise<{ content: QuestionContent; bankId: string } | undefined> {
			const row = await db
				.select({ content: questionVersions.content, bankId: questions.bankId })
				.from(questionVersions)
				.innerJoin(questions, eq(questions.id, questionVersions.questionId))
				.where(and(eq(questionVersions.questionId, questionId), eq(questionVersions.version, version)))
				.get();
			return row ? { content: JSON.parse(row.content) as QuestionContent, bankId: row.bankId } : undefined;
		}
	};
}
