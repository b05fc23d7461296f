import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { policy } from '../auth/policy';
import { recordAudit } from '../audit/audit-service';
import type { Db } from '../db/client';
import type { Outcome } from '../quiz/bank-service';
import { audienceUnitChoices } from './audience';
import { committeeRepo, type CommitteeRow } from './committee-repo';
import { peopleRepo } from './repo';
import { m } from '$lib/paraglide/messages';
import { committeeSchema, postOrder } from '$lib/shared/committee';
import type { Actor } from '$lib/shared/roles';
import { firstIssue } from '$lib/shared/schemas';

const byPost = new Intl.Collator('zh-CN');

/** A branch's committee, 书记 first, then by post and name. */
export function committeeOf(db: Db, branchId: string): CommitteeRow[] {
	return committeeRepo(db)
		.list(branchId)
		.sort((a, b) => postOrder(a.post) - postOrder(b.post) || byPost.compare(a.name, b.name));
}

async function branchToManage(db: Db, actor: Actor, branchId: string) {
	const branch = await peopleRepo(db).orgUnit(branchId);
	if (!branch || branch.kind !== 'branch' || !policy.manageBranch(actor, branch.path)) error(404, m.err_forbidden());
	return branch;
}

/** The committee page: every active member of the branch with their post, if any. */
export async function committeeForm(db: Db, actor: Actor, branchId: string) {
	const branch = await branchToManage(db, actor, branchId);
	const posts = new Map(committeeOf(db, branchId).map((c) => [c.userId, c.post]));
	const members = (await peopleRepo(db).peopleUnder([branch.path], [])).filter((p) => p.active && p.branchId === branch.id);
	return {
		branch: { id: branch.id, name: branch.name },
		members: members
			.map((p) => ({ userId: p.id, name: p.name, phone: p.phone, post: posts.get(p.id) ?? null }))
			.sort((a, b) => (a.post ? postOrder(a.post) : 99) - (b.post ? postOrder(b.post) : 99) || byPost.compare(a.name, b.name))
	};
}

/** Set the committee of a branch: only its active members, one 书记 at most, within the size limit. */
export async function setCommittee(db: Db, actor: Actor, branchId: string, input: unknown, now = Date.now()): Promise<Outcome<object>> {
	const branch = await branchToManage(db, actor, branchId);
	const parsed = v.safeParse(committeeSchema, input);
	if (!parsed.success) return { ok: false, message: firstIssue(parsed.issues) };
	const people = await peopleRepo(db).usersByIds(parsed.output.map((r) => r.userId));
	if (people.length !== parsed.output.length || people.some((p) => !p.active || p.branchId !== branch.id)) return { ok: false, message: m.err_committee_person() };
	committeeRepo(db).replace(branch.id, parsed.output, now);
	recordAudit(db, actor, 'people.committee', { targetId: branch.id, summary: `${branch.name} · ${parsed.output.length}`, unitPath: branch.path }, now);
	return { ok: true };
}

/** The branches whose committee the actor may set (their own as secretary; every branch under them as admin). */
export async function committeeBranches(db: Db, actor: Actor) {
	const root = policy.managementRoot(actor);
	if (!root) error(403, m.err_forbidden());
	return (await audienceUnitChoices(db, root, (path) => policy.manageBranch(actor, path))).filter((u) => u.kind === 'branch').map(({ id, name }) => ({ id, name }));
}
