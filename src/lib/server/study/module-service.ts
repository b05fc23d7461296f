import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { policy } from '../auth/policy';
import type { Db } from '../db/client';
import { renderMarkdown } from '../markdown';
import { peopleRepo } from '../people/repo';
import type { Outcome } from '../quiz/bank-service';
import { moduleRepo, type ModuleWithOwner } from './module-repo';
import { m } from '$lib/paraglide/messages';
import { uuidv7 } from '$lib/shared/id';
import { pathsAbove } from '$lib/shared/org-tree';
import { splitTags } from '$lib/shared/quiz/parse-text';
import type { Actor } from '$lib/shared/roles';
import { firstIssue } from '$lib/shared/schemas';
import { lessonFormSchema, moduleFormSchema } from '$lib/shared/study/module-schemas';
import { readingMinutes } from '$lib/shared/study/reading-time';

/** A module the actor may write, or 404 (also when it exists but is not theirs: no probing). */
export async function moduleToManage(db: Db, actor: Actor, moduleId: string) {
	const mod = await moduleRepo(db).byId(moduleId);
	if (!mod || !policy.manageModule(actor, mod.ownerPath)) error(404, m.err_module_missing());
	const lessons = (await moduleRepo(db).lessons(moduleId)).map((l) => ({ ...l, minutes: readingMinutes(l.body) }));
	return { module: { ...mod, tags: JSON.parse(mod.tags) as string[] }, lessons };
}

export async function managedModules(db: Db, actor: Actor): Promise<ModuleWithOwner[]> {
	const root = policy.managementRoot(actor);
	if (!root) error(403, m.err_forbidden());
	return (await moduleRepo(db).under(root)).filter((mod) => policy.manageModule(actor, mod.ownerPath));
}

export async function createModule(db: Db, actor: Actor, input: unknown, now = Date.now()): Promise<Outcome<{ id: string }>> {
	const parsed = v.safeParse(moduleFormSchema, input);
	if (!parsed.success) return { ok: false, message: firstIssue(parsed.issues) };
	const owner = await peopleRepo(db).orgUnit(parsed.output.ownerUnitId);
	if (!owner || owner.kind === 'group') return { ok: false, message: m.err_bank_owner_kind() };
	if (!policy.manageModule(actor, owner.path)) error(403, m.err_forbidden());
	const id = uuidv7(now);
	const { title, track, summary, tags } = parsed.output;
	await moduleRepo(db).insert({ id, title, track, summary, tags: JSON.stringify(splitTags(tags)), ownerUnitId: owner.id, createdBy: actor.userId, createdAt: now, updatedAt: now });
	return { ok: true, id };
}

export async function updateModule(db: Db, actor: Actor, moduleId: string, input: unknown, now = Date.now()): Promise<Outcome<object>> {
	const { module: mod } = await moduleToManage(db, actor, moduleId);
	const parsed = v.safeParse(moduleFormSchema, { ...(input as object), ownerUnitId: mod.ownerUnitId });
	if (!parsed.success) return { ok: false, message: firstIssue(parsed.issues) };
	const { title, track, summary, tags } = parsed.output;
	await moduleRepo(db).update(moduleId, { title, track, summary, tags: JSON.stringify(splitTags(tags)), updatedAt: now });
	return { ok: true };
}

/** Add a lesson at the end, or edit one. The body is Markdown; it is sanitised when shown. */
export async function saveLesson(db: Db, actor: Actor, moduleId: string, lessonId: string | null, input: unknown, now = Date.now()): Promise<Outcome<{ id: string }>> {
	const { lessons } = await moduleToManage(db, actor, moduleId);
	const parsed = v.safeParse(lessonFormSchema, input);
	if (!parsed.success) return { ok: false, message: firstIssue(parsed.issues) };
	const repo = moduleRepo(db);
	if (lessonId) {
		if (!lessons.some((l) => l.id === lessonId)) error(404, m.err_lesson_missing());
		await repo.updateLesson(lessonId, { ...parsed.output, updatedAt: now });
	} else {
		lessonId = uuidv7(now);
		await repo.insertLesson({ id: lessonId, moduleId, sort: (lessons.at(-1)?.sort ?? 0) + 1, ...parsed.output, createdAt: now, updatedAt: now });
	}
	await repo.update(moduleId, { updatedAt: now });
	return { ok: true, id: lessonId };
}

/** Publish: members in scope see it in their library. A module needs at least one lesson. */
export async function publishModule(db: Db, actor: Actor, moduleId: string, now = Date.now()): Promise<Outcome<object>> {
	const { lessons } = await moduleToManage(db, actor, moduleId);
	if (!lessons.length) return { ok: false, message: m.err_module_empty() };
	await moduleRepo(db).update(moduleId, { status: 'published', publishedAt: now, updatedAt: now });
	return { ok: true };
}

export interface LibraryModule {
	id: string;
	title: string;
	track: 'political' | 'business';
	summary: string;
	tags: string[];
	ownerName: string;
	lessonCount: number;
}

/** The member's library: published modules of their branch and the units above it, filtered by words in the title, summary or tags. */
export async function library(db: Db, actor: Actor, query = ''): Promise<LibraryModule[]> {
	const q = query.trim().toLowerCase();
	return (await moduleRepo(db).publishedAt(pathsAbove(actor.branchPath)))
		.filter((mod) => policy.studyModule(actor, mod))
		.map((mod) => ({ id: mod.id, title: mod.title, track: mod.track, summary: mod.summary, tags: JSON.parse(mod.tags) as string[], ownerName: mod.ownerName, lessonCount: mod.lessonCount }))
		.filter((mod) => !q || [mod.title, mod.summary, ...mod.tags].some((s) => s.toLowerCase().includes(q)));
}

async function moduleToStudy(db: Db, actor: Actor, moduleId: string) {
	const mod = await moduleRepo(db).byId(moduleId);
	if (!mod || !policy.studyModule(actor, mod)) error(404, m.err_module_missing());
	return mod;
}

/** What one page of the app weighs besides its lesson text (measured on built module and lesson pages: 3.6–4.5 KB). */
const PAGE_SHELL_BYTES = 4.5 * 1024;

/**
 * About how much 下载离线学习 of a module stores: its page and one page per lesson, where the lesson's
 * HTML appears twice (in the markup and in the page's serialised data). Pictures are not counted.
 */
export function downloadBytes(lessonBodies: string[]): number {
	return Math.round(PAGE_SHELL_BYTES * (lessonBodies.length + 1) + lessonBodies.reduce((n, body) => n + 2 * Buffer.byteLength(renderMarkdown(body)), 0));
}

/** A module's page for a member: its lessons with their reading time, and what downloading it would store. */
export async function moduleForMember(db: Db, actor: Actor, moduleId: string) {
	const mod = await moduleToStudy(db, actor, moduleId);
	const rows = await moduleRepo(db).lessons(moduleId);
	const lessons = rows.map((l) => ({ id: l.id, title: l.title, minutes: readingMinutes(l.body) }));
	return {
		id: mod.id,
		title: mod.title,
		track: mod.track,
		summary: mod.summary,
		ownerName: mod.ownerName,
		lessons,
		minutes: lessons.reduce((n, l) => n + l.minutes, 0),
		downloadBytes: downloadBytes(rows.map((l) => l.body))
	};
}

/** One lesson for reading: its Markdown rendered and sanitised, with the lessons before and after. */
export async function lessonForMember(db: Db, actor: Actor, moduleId: string, lessonId: string) {
	const mod = await moduleToStudy(db, actor, moduleId);
	const lessons = await moduleRepo(db).lessons(moduleId);
	const index = lessons.findIndex((l) => l.id === lessonId);
	if (index < 0) error(404, m.err_lesson_missing());
	const lesson = lessons[index];
	return {
		module: { id: mod.id, title: mod.title },
		lesson: { id: lesson.id, title: lesson.title, html: renderMarkdown(lesson.body), minutes: readingMinutes(lesson.body), number: index + 1, of: lessons.length },
		previous: lessons[index - 1]?.id ?? null,
		next: lessons[index + 1]?.id ?? null
	};
}
