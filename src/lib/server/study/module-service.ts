import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { policy } from '../auth/policy';
import { config } from '../config';
import type { Db } from '../db/client';
import { recordAudit } from '../audit/audit-service';
import { renderMarkdown } from '../markdown';
import { peopleRepo } from '../people/repo';
import type { Outcome } from '../quiz/bank-service';
import { fileRecord, hashOfSrc } from '../uploads/upload-service';
import { moduleRepo, type ModuleWithOwner } from './module-repo';
import { m } from '$lib/paraglide/messages';
import { uuidv7 } from '$lib/shared/id';
import { pathsAbove } from '$lib/shared/org-tree';
import { splitTags } from '$lib/shared/quiz/parse-text';
import type { Actor } from '$lib/shared/roles';
import { firstIssue } from '$lib/shared/schemas';
import { lessonFilesSchema, lessonFormSchema, moduleFormSchema, type LessonAttachment, type LessonMedia } from '$lib/shared/study/module-schemas';
import { readingMinutes } from '$lib/shared/study/reading-time';

/** A module the actor may write, or 404 (also when it exists but is not theirs: no probing). */
export async function moduleToManage(db: Db, actor: Actor, moduleId: string) {
	const mod = await moduleRepo(db).byId(moduleId);
	if (!mod || !policy.manageModule(actor, mod.ownerPath)) error(404, m.err_module_missing());
	const lessons = (await moduleRepo(db).lessons(moduleId)).map((l) => ({ ...l, ...filesOf(l), minutes: readingMinutes(l.body) }));
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
	recordAudit(db, actor, 'module.create', { targetId: id, summary: title, unitPath: owner.path }, now);
	return { ok: true, id };
}

export async function updateModule(db: Db, actor: Actor, moduleId: string, input: unknown, now = Date.now()): Promise<Outcome<object>> {
	const { module: mod } = await moduleToManage(db, actor, moduleId);
	const parsed = v.safeParse(moduleFormSchema, { ...(input as object), ownerUnitId: mod.ownerUnitId });
	if (!parsed.success) return { ok: false, message: firstIssue(parsed.issues) };
	const { title, track, summary, tags } = parsed.output;
	const cover = await coverOf(db, (input as { cover?: unknown }).cover);
	if (cover === false) return { ok: false, message: m.err_cover() };
	await moduleRepo(db).update(moduleId, { title, track, summary, tags: JSON.stringify(splitTags(tags)), cover, updatedAt: now });
	recordAudit(db, actor, 'module.update', { targetId: moduleId, summary: title, unitPath: mod.ownerPath }, now);
	return { ok: true };
}

/** A cover field: empty for none, else an uploaded picture's address; false when it is neither. */
async function coverOf(db: Db, cover: unknown): Promise<string | null | false> {
	if (typeof cover !== 'string' || cover === '') return null;
	const file = await fileRecord(db, hashOfSrc(cover) ?? '');
	return file?.kind === 'image' ? cover : false;
}

/** The lesson's media and attachments as stored: uploads must exist and be of the right kind. */
async function lessonFiles(db: Db, input: unknown): Promise<{ ok: true; media: LessonMedia | null; attachments: LessonAttachment[] } | { ok: false; message: string }> {
	const parsed = v.safeParse(lessonFilesSchema, input);
	if (!parsed.success) return { ok: false, message: firstIssue(parsed.issues) };
	const { mediaSrc, mediaKind, attachments } = parsed.output;
	let media: LessonMedia | null = null;
	if (mediaSrc) {
		const hash = hashOfSrc(mediaSrc);
		if (hash) {
			const file = await fileRecord(db, hash);
			if (!file || (file.kind !== 'audio' && file.kind !== 'video')) return { ok: false, message: m.err_lesson_media() };
			media = { kind: file.kind, src: mediaSrc, name: file.name };
		} else media = { kind: mediaKind === 'video' ? 'video' : 'audio', src: mediaSrc, name: mediaSrc };
	}
	const pdfs: LessonAttachment[] = [];
	for (const src of [...new Set(attachments)]) {
		const file = await fileRecord(db, hashOfSrc(src) ?? '');
		if (!file || file.kind !== 'pdf') return { ok: false, message: m.err_lesson_attachment() };
		pdfs.push({ src, name: file.name, size: file.size });
	}
	return { ok: true, media, attachments: pdfs };
}

/** Add a lesson at the end, or edit one. The body is Markdown; it is sanitised when shown. */
export async function saveLesson(db: Db, actor: Actor, moduleId: string, lessonId: string | null, input: unknown, now = Date.now()): Promise<Outcome<{ id: string }>> {
	const { module: mod, lessons } = await moduleToManage(db, actor, moduleId);
	const parsed = v.safeParse(lessonFormSchema, input);
	if (!parsed.success) return { ok: false, message: firstIssue(parsed.issues) };
	const files = await lessonFiles(db, input);
	if (!files.ok) return files;
	const fields = { ...parsed.output, media: files.media ? JSON.stringify(files.media) : null, attachments: JSON.stringify(files.attachments) };
	const repo = moduleRepo(db);
	if (lessonId) {
		const current = await repo.lesson(lessonId);
		if (!current || current.moduleId !== moduleId) error(404, m.err_lesson_missing());
		// Once published, an edit is a new version: members who started the lesson keep the text they started.
		const published = mod.status === 'published';
		if (published) await repo.keepVersion(current, now);
		await repo.updateLesson(lessonId, { ...fields, version: published ? current.version + 1 : current.version, updatedAt: now });
	} else {
		lessonId = uuidv7(now);
		await repo.insertLesson({ id: lessonId, moduleId, sort: (lessons.at(-1)?.sort ?? 0) + 1, ...fields, createdAt: now, updatedAt: now });
	}
	await repo.update(moduleId, { updatedAt: now });
	recordAudit(db, actor, 'lesson.save', { targetId: lessonId, summary: `${mod.title} · ${parsed.output.title}`, unitPath: mod.ownerPath }, now);
	return { ok: true, id: lessonId };
}

/** Publish: members in scope see it in their library. A module needs at least one lesson. */
export async function publishModule(db: Db, actor: Actor, moduleId: string, now = Date.now()): Promise<Outcome<object>> {
	const { module: mod, lessons } = await moduleToManage(db, actor, moduleId);
	if (!lessons.length) return { ok: false, message: m.err_module_empty() };
	await moduleRepo(db).update(moduleId, { status: 'published', publishedAt: now, updatedAt: now });
	recordAudit(db, actor, 'module.publish', { targetId: moduleId, summary: mod.title, unitPath: mod.ownerPath }, now);
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
	cover: string | null;
}

/** The member's library: published modules of their branch and the units above it, filtered by words in the title, summary or tags. */
export async function library(db: Db, actor: Actor, query = ''): Promise<LibraryModule[]> {
	const q = query.trim().toLowerCase();
	return (await moduleRepo(db).publishedAt(pathsAbove(actor.branchPath)))
		.filter((mod) => policy.studyModule(actor, mod))
		.map((mod) => ({ id: mod.id, title: mod.title, track: mod.track, summary: mod.summary, tags: JSON.parse(mod.tags) as string[], ownerName: mod.ownerName, lessonCount: mod.lessonCount, cover: mod.cover }))
		.filter((mod) => !q || [mod.title, mod.summary, ...mod.tags].some((s) => s.toLowerCase().includes(q)));
}

/** A stored lesson's media and attachments, parsed. */
const filesOf = (l: { media: string | null; attachments: string }) => ({
	media: l.media ? (JSON.parse(l.media) as LessonMedia) : null,
	attachments: JSON.parse(l.attachments) as LessonAttachment[]
});

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
		cover: mod.cover,
		lessons,
		minutes: lessons.reduce((n, l) => n + l.minutes, 0),
		downloadBytes: downloadBytes(rows.map((l) => l.body))
	};
}

/** One lesson for reading: its Markdown rendered and sanitised, with the lessons before and after. */
export async function lessonForMember(db: Db, actor: Actor, moduleId: string, lessonId: string, latest = false) {
	const mod = await moduleToStudy(db, actor, moduleId);
	const lessons = await moduleRepo(db).lessons(moduleId);
	const index = lessons.findIndex((l) => l.id === lessonId);
	if (index < 0) error(404, m.err_lesson_missing());
	const current = lessons[index];
	// A member who started an earlier version keeps reading it, unless they ask for the latest.
	const started = await moduleRepo(db).startedVersion(actor.userId, lessonId);
	const kept = !latest && started !== null && started < current.version ? await moduleRepo(db).version(lessonId, started) : undefined;
	const lesson = kept ?? current;
	return {
		module: { id: mod.id, title: mod.title },
		lesson: { id: current.id, title: lesson.title, html: renderMarkdown(lesson.body), ...filesOf(lesson), minutes: readingMinutes(lesson.body), number: index + 1, of: lessons.length },
		/** The older version the member started, when there is a newer one; `showingStarted` when that is what is shown. */
		startedVersion: started !== null && started < current.version ? started : null,
		showingStarted: kept !== undefined,
		previous: lessons[index - 1]?.id ?? null,
		next: lessons[index + 1]?.id ?? null
	};
}

/** The upload limit in whole megabytes, for the forms' labels. */
export const uploadMaxMb = () => Math.round(config.uploadMaxBytes / 1024 / 1024);

/** Titles of modules by id, in the order given (a meeting's materials); ids that no longer exist are left out. */
export async function moduleTitles(db: Db, ids: string[]): Promise<{ id: string; title: string }[]> {
	const rows = await Promise.all(ids.map((id) => moduleRepo(db).byId(id)));
	return rows.flatMap((r) => (r ? [{ id: r.id, title: r.title }] : []));
}
