import { error } from '@sveltejs/kit';
import { policy } from '../auth/policy';
import type { Db } from '../db/client';
import { auditRepo } from './audit-repo';
import { m } from '$lib/paraglide/messages';
import type { AuditAction } from '$lib/shared/audit';
import { uuidv7 } from '$lib/shared/id';
import type { Actor } from '$lib/shared/roles';

/** Note a management action: who did it, what, to whom or what (in words), where in the tree, and when. */
export function recordAudit(db: Db, actor: Actor, action: AuditAction, what: { targetId?: string | null; summary: string; unitPath: string }, now = Date.now()): void {
	auditRepo(db).insert({ id: uuidv7(now), actorId: actor.userId, action, targetId: what.targetId ?? null, summary: what.summary, unitPath: what.unitPath, at: now });
}

const PAGE = 100;

/** The log of the admin's subtree, newest first, a hundred at a time. */
export function auditLog(db: Db, actor: Actor, before = Number.MAX_SAFE_INTEGER) {
	if (!policy.readAuditLog(actor)) error(403, m.err_forbidden());
	const rows = auditRepo(db).under(actor.adminOf!.path, before, PAGE + 1);
	const more = rows.length > PAGE;
	if (more) rows.pop();
	return { entries: rows, nextBefore: more ? rows[rows.length - 1].at : null };
}
