import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { policy } from '../auth/policy';
import type { Db } from '../db/client';
import { recordAudit } from '../audit/audit-service';
import { peopleRepo } from '../people/repo';
import { bankRepo, type BankWithOwner } from './bank-repo';
import { questionRepo, type QuestionFilter } from './question-repo';
import { m } from '$lib/paraglide/messages';
import { beijingDay } from '$lib/shared/day';
import { uuidv7 } from '$lib/shared/id';
import { pathsAbove } from '$lib/shared/org-tree';
import { bankFormSchema } from '$lib/shared/quiz/bank-schemas';
import { needsRewrite } from '$lib/shared/quiz/item-stats';
import type { Actor } from '$lib/shared/roles';
import { firstIssue } from '$lib/shared/schemas';

export type Outcome<T> = ({ ok: true } & T) | { ok: false; message: string };

export interface BankView extends BankWithOwner {
	canEdit: boolean;
}

/** A bank the actor may read in the management area, or a 404 (also for banks they may not see: no probing). */
export async function bankForManagement(db: Db, actor: Actor, bankId: string): Promise<BankView> {
	const bank = await bankRepo(db).byId(bankId);
	if (!bank || !policy.readBank(actor, bank.ownerPath)) error(404, m.err_bank_missing());
	return { ...bank, canEdit: policy.manageBank(actor, bank.ownerPath) };
}

/** A bank the actor may change, or a 404/403. */
export async function bankToEdit(db: Db, actor: Actor, bankId: string): Promise<BankView> {
	const bank = await bankForManagement(db, actor, bankId);
	if (!bank.canEdit) error(403, m.err_forbidden());
	return bank;
}

/** Banks in the management area: those in the actor's subtree, and for secretaries the organisation's above their branch (read-only). */
export async function listBanks(db: Db, actor: Actor): Promise<BankView[]> {
	if (!policy.openManagement(actor)) error(403, m.err_forbidden());
	const root = policy.managementRoot(actor);
	const above = actor.secretaryOf ? pathsAbove(actor.secretaryOf.path) : [];
	const banks = await bankRepo(db).list({ under: root, ownerPaths: above });
	return banks.filter((b) => policy.readBank(actor, b.ownerPath)).map((b) => ({ ...b, canEdit: policy.manageBank(actor, b.ownerPath) }));
}

/** Units the actor may own a bank in: committees, general branches and branches they manage. */
export async function bankOwnerChoices(db: Db, actor: Actor): Promise<{ id: string; name: string; path: string }[]> {
	const root = policy.managementRoot(actor);
	if (!root) error(403, m.err_forbidden());
	const units = await peopleRepo(db).subtree(root);
	return units.filter((u) => u.kind !== 'group' && policy.manageBank(actor, u.path)).map(({ id, name, path }) => ({ id, name, path }));
}

export async function createBank(db: Db, actor: Actor, input: unknown, now = Date.now()): Promise<Outcome<{ id: string }>> {
	const parsed = v.safeParse(bankFormSchema, input);
	if (!parsed.success) return { ok: false, message: firstIssue(parsed.issues) };
	const owner = await peopleRepo(db).orgUnit(parsed.output.ownerUnitId);
	if (!owner) return { ok: false, message: m.err_bank_owner() };
	if (owner.kind === 'group') return { ok: false, message: m.err_bank_owner_kind() };
	if (!policy.manageBank(actor, owner.path)) error(403, m.err_forbidden());
	const bank = await bankRepo(db).insert({ id: uuidv7(now), ...parsed.output, createdBy: actor.userId, createdAt: now, updatedAt: now });
	recordAudit(db, actor, 'bank.create', { targetId: bank.id, summary: bank.name, unitPath: owner.path }, now);
	return { ok: true, id: bank.id };
}

/** Edit a bank's name, track, purpose, description and partial credit; the owner stays. */
export async function updateBank(db: Db, actor: Actor, bankId: string, input: unknown, now = Date.now()): Promise<Outcome<object>> {
	const bank = await bankToEdit(db, actor, bankId);
	const parsed = v.safeParse(bankFormSchema, { ...(input as object), ownerUnitId: bank.ownerUnitId });
	if (!parsed.success) return { ok: false, message: firstIssue(parsed.issues) };
	const { name, track, purpose, description, partialCredit } = parsed.output;
	await bankRepo(db).update(bankId, { name, track, purpose, description, partialCredit }, now);
	recordAudit(db, actor, 'bank.update', { targetId: bankId, summary: name, unitPath: bank.ownerPath }, now);
	return { ok: true };
}

export const PAGE_SIZE = 50;

/**
 * One page of a bank's questions with the counts the bank page shows, and the questions members keep
 * failing (flagged for rewriting: see needsRewrite).
 */
export async function bankQuestions(
	db: Db,
	actor: Actor,
	bankId: string,
	filter: Omit<QuestionFilter, 'validity' | 'ids'> & { expired?: boolean; struggling?: boolean },
	page: number,
	now = Date.now()
) {
	const bank = await bankForManagement(db, actor, bankId);
	const today = beijingDay(now);
	const repo = questionRepo(db);
	const struggling = Object.fromEntries((await repo.struggles(bankId)).filter(needsRewrite).map((s) => [s.id, s]));
	const { expired, struggling: onlyStruggling, ...rest } = filter;
	const list = await repo.list(
		bankId,
		{ ...rest, ids: onlyStruggling ? Object.keys(struggling) : undefined, validity: expired ? { state: 'expired', today } : undefined },
		PAGE_SIZE,
		Math.max(0, page - 1) * PAGE_SIZE
	);
	return { bank, today, ...list, summary: await repo.summary(bankId, today), struggling };
}
