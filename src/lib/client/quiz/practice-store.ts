import type { StoredPracticeSet, XianfengDb } from '../offline/db';
import { beijingDay } from '$lib/shared/day';
import type { DailySet, MistakeBook, PracticeSet } from '$lib/shared/quiz/practice-schemas';

/**
 * What the phone keeps for practice: downloaded practice banks, today's 每日练习 and the 错题本, each
 * refreshed from the server when online and read from IndexedDB when not.
 */
const DAILY_KEY = 'quiz.daily';
const DAILY_DONE_KEY = 'quiz.dailyDone';
const MISTAKES_KEY = 'quiz.mistakes';
/** The practice page is one URL for every bank; keeping a copy lets it open offline. */
export const PRACTICE_PAGE = '/quiz/practice';

export interface StoreOptions {
	fetch?: typeof fetch;
	baseUrl?: string;
}

async function getJson<T>(path: string, opts: StoreOptions): Promise<T> {
	const res = await (opts.fetch ?? fetch)((opts.baseUrl ?? '') + path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
	if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { status: res.status });
	return (await res.json()) as T;
}

/** Download a practice bank (keys and explanations) and keep it for offline practice. */
export async function downloadPracticeSet(db: XianfengDb, bankId: string, opts: StoreOptions = {}, now = Date.now()): Promise<StoredPracticeSet> {
	const set = await getJson<PracticeSet>(`/api/quiz/practice/${encodeURIComponent(bankId)}`, opts);
	const stored: StoredPracticeSet = { ...set, downloadedAt: now, bytes: new Blob([JSON.stringify(set)]).size };
	await db.practiceSets.put(stored);
	await keepPracticePage();
	return stored;
}

/** Put the practice page into the service worker's page cache, so it opens offline for any bank. */
export async function keepPracticePage(): Promise<void> {
	if (typeof caches === 'undefined') return;
	try {
		await (await caches.open('xianfeng-pages')).add(PRACTICE_PAGE);
	} catch {
		// Offline or no service worker yet: the page is kept on the next online visit instead.
	}
}

export function storedPracticeSet(db: XianfengDb, bankId: string): Promise<StoredPracticeSet | undefined> {
	return db.practiceSets.get(bankId);
}

export function storedPracticeSets(db: XianfengDb): Promise<StoredPracticeSet[]> {
	return db.practiceSets.toArray();
}

export async function removePracticeSet(db: XianfengDb, bankId: string): Promise<void> {
	await db.practiceSets.delete(bankId);
}

/**
 * Today's 每日练习: fresh from the server when it answers, else the copy kept today. Questions
 * answered on this phone today but not yet synced are taken out either way.
 */
export async function loadDaily(db: XianfengDb, opts: StoreOptions = {}, now = Date.now()): Promise<DailySet | null> {
	const today = beijingDay(now);
	let set: DailySet | null;
	try {
		set = await getJson<DailySet>('/api/quiz/daily', opts);
		await db.kv.put({ key: DAILY_KEY, value: set });
	} catch {
		const kept = (await db.kv.get(DAILY_KEY))?.value as DailySet | undefined;
		set = kept && kept.day === today ? kept : null;
	}
	if (!set) return null;
	const done = await dailyDone(db, today);
	return { ...set, questions: set.questions.filter((q) => !done.includes(q.id)) };
}

async function dailyDone(db: XianfengDb, day: string): Promise<string[]> {
	const kept = (await db.kv.get(DAILY_DONE_KEY))?.value as { day: string; ids: string[] } | undefined;
	return kept && kept.day === day ? kept.ids : [];
}

export async function markDailyDone(db: XianfengDb, questionId: string, now = Date.now()): Promise<void> {
	const day = beijingDay(now);
	const ids = await dailyDone(db, day);
	if (!ids.includes(questionId)) await db.kv.put({ key: DAILY_DONE_KEY, value: { day, ids: [...ids, questionId] } });
}

/** The 错题本: fresh when online, else the last copy. */
export async function loadMistakes(db: XianfengDb, opts: StoreOptions = {}): Promise<MistakeBook | null> {
	try {
		const book = await getJson<MistakeBook>('/api/quiz/mistakes', opts);
		await db.kv.put({ key: MISTAKES_KEY, value: book });
		return book;
	} catch {
		return ((await db.kv.get(MISTAKES_KEY))?.value as MistakeBook | undefined) ?? null;
	}
}
