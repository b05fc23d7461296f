import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { policy } from '../auth/policy';
import type { Db } from '../db/client';
import { recordAudit } from '../audit/audit-service';
import { awards } from '../points/awards';
import { unreadNotices } from '../notices/service';
import type { Outcome } from '../quiz/bank-service';
import { OpRejected } from '../sync/repo';
import { reflectionRepo, type ReflectionListItem } from './reflection-repo';
import { m } from '$lib/paraglide/messages';
import { uuidv7 } from '$lib/shared/id';
import type { Actor } from '$lib/shared/roles';
import { firstIssue } from '$lib/shared/schemas';
import { DEFAULT_MIN_REFLECTION_CHARS } from '$lib/shared/study/plan-schemas';
import { reflectionLength, reflectionPayloadSchema, reviewInputSchema } from '$lib/shared/study/reflection-schemas';

/**
 * A `reflection.submit` op: a 学习心得 on a module the member may study, for a plan they are on (if
 * named), at least the plan's minimum length. Handing in the same id again replaces the text and
 * asks for review again — unless it has been reviewed, which locks it.
 */
export function prepareReflection(db: Db, actor: Actor, payload: unknown, deviceAt: number, now: number): { write: () => void } | { reject: string } {
	const parsed = v.safeParse(reflectionPayloadSchema, payload);
	if (!parsed.success) return { reject: firstIssue(parsed.issues) };
	const r = parsed.output;
	const repo = reflectionRepo(db);
	const mod = repo.module(r.moduleId);
	if (!mod || !policy.studyModule(actor, mod)) return { reject: m.err_reflection_module() };
	let min = DEFAULT_MIN_REFLECTION_CHARS;
	if (r.planId) {
		const plan = repo.planWithModule(r.planId, r.moduleId);
		if (!plan || !policy.inAudience(actor, plan.scope)) return { reject: m.err_plan_missing() };
		min = plan.minReflectionChars;
	}
	const count = reflectionLength(r.body);
	if (count < min) return { reject: m.err_reflection_short({ min, count }) };
	return {
		write: () => {
			const existing = repo.owner(r.reflectionId);
			if (existing && existing.userId !== actor.userId) throw new OpRejected(m.err_reflection_missing());
			if (existing?.status === 'reviewed') throw new OpRejected(m.err_reflection_locked());
			repo.upsert({ id: r.reflectionId, userId: actor.userId, branchId: actor.branchId, moduleId: r.moduleId, planId: r.planId ?? null, body: r.body, at: deviceAt, now });
		}
	};
}

/** The review queue: unreviewed reflections of the branches the actor reviews, oldest first. */
export async function reviewQueue(db: Db, actor: Actor): Promise<ReflectionListItem[]> {
	const root = policy.managementRoot(actor);
	if (!root) error(403, m.err_forbidden());
	return (await reflectionRepo(db).waiting(root)).filter((r) => policy.reviewReflection(actor, r.branchPath));
}

/** Grade a reflection (优秀 / 良好 / 合格 / 需改进, with a comment) or return it for revision. */
export async function reviewReflection(db: Db, actor: Actor, reflectionId: string, input: unknown, now = Date.now()): Promise<Outcome<object>> {
	const repo = reflectionRepo(db);
	const r = await repo.byId(reflectionId);
	if (!r || !policy.reviewReflection(actor, r.branchPath)) error(404, m.err_reflection_missing());
	const parsed = v.safeParse(reviewInputSchema, input);
	if (!parsed.success) return { ok: false, message: firstIssue(parsed.issues) };
	const review = parsed.output;
	const changed = await repo.review(reflectionId, {
		status: review.action === 'grade' ? 'reviewed' : 'returned',
		grade: review.action === 'grade' ? review.grade : null,
		reviewComment: review.comment || null,
		reviewedBy: actor.userId,
		reviewedAt: now,
		updatedAt: now
	});
	if (!changed) return { ok: false, message: m.err_review_done() };
	recordAudit(db, actor, review.action === 'grade' ? 'reflection.grade' : 'reflection.return', { targetId: reflectionId, summary: `${r.author} · ${r.moduleTitle}`, unitPath: r.branchPath }, now);
	if (review.action === 'grade') awards.reflection(db, r.userId, r.id, review.grade, r.moduleTitle, now, now);
	return { ok: true };
}

/** The member's own reflections with their reviews and comments; opening the list marks new reviews seen. */
export async function myReflections(db: Db, actor: Actor, now = Date.now()) {
	const repo = reflectionRepo(db);
	const list = await repo.ofUser(actor.userId);
	const comments = await repo.comments(list.map((r) => r.id));
	await repo.markSeen(actor.userId, now);
	return list.map((r) => ({ ...r, isNew: r.status !== 'submitted' && r.seenAt === null, comments: comments.filter((c) => c.reflectionId === r.id) }));
}

/** Reviews (graded or returned) the member has not opened yet. */
export function unseenReviews(db: Db, actor: Actor): Promise<number> {
	return reflectionRepo(db).unseenCount(actor.userId);
}

/** What the 学习 tab's badge counts: reviews not yet opened and unread notices. */
export async function studyBadge(db: Db, actor: Actor): Promise<number> {
	return (await unseenReviews(db, actor)) + (await unreadNotices(db, actor)).length;
}

/** Reflections on a plan that opened peer comments, as a member of its branch sees them. */
export async function peerReflections(db: Db, actor: Actor, planId: string) {
	const repo = reflectionRepo(db);
	const list = (await repo.ofPlan(planId)).filter((r) => policy.readReflection(actor, r) && policy.commentOnReflection(actor, r));
	if (!list.length) error(404, m.err_plan_missing());
	const comments = await repo.comments(list.map((r) => r.id));
	return list.map((r) => ({ ...r, comments: comments.filter((c) => c.reflectionId === r.id) }));
}

export async function commentOnReflection(db: Db, actor: Actor, reflectionId: string, body: unknown, now = Date.now()): Promise<Outcome<object>> {
	const repo = reflectionRepo(db);
	const r = await repo.byId(reflectionId);
	if (!r || !policy.readReflection(actor, r)) error(404, m.err_reflection_missing());
	if (!policy.commentOnReflection(actor, r)) return { ok: false, message: m.err_comment_closed() };
	const text = typeof body === 'string' ? body.trim() : '';
	if (!text) return { ok: false, message: m.err_comment_empty() };
	if (text.length > 500) return { ok: false, message: m.err_name_long() };
	await repo.addComment({ id: uuidv7(now), reflectionId, userId: actor.userId, body: text, createdAt: now });
	return { ok: true };
}

