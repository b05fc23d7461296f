import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import type { Db } from '../db/client';
import { recordAudit } from '../audit/audit-service';
import { hashPassword } from '../auth/password';
import { policy, type PersonScope } from '../auth/policy';
import { invalidateUserSessions } from '../auth/session';
import { peopleRepo, type OrgUnitRow, type UserRow } from './repo';
import { tempPassword } from './temp-password';
import { m } from '$lib/paraglide/messages';
import { uuidv7 } from '$lib/shared/id';
import { buildTree, type OrgNode } from '$lib/shared/org-tree';
import { CHILD_KINDS, orgUnitSchema, personSchema } from '$lib/shared/people-schemas';
import type { Actor } from '$lib/shared/roles';
import { issuesByField } from '$lib/shared/schemas';

export type FieldErrors = Record<string, string>;
export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

async function scopeOf(db: Db, user: UserRow): Promise<PersonScope & { branch: OrgUnitRow }> {
	const repo = peopleRepo(db);
	const units = new Map((await repo.orgUnits([user.branchId, user.secretaryOf, user.adminOf].filter((x): x is string => !!x))).map((u) => [u.id, u]));
	const branch = units.get(user.branchId);
	if (!branch) error(500, m.err_invalid());
	return {
		userId: user.id,
		branch,
		branchPath: branch.path,
		secretaryOfPath: user.secretaryOf ? (units.get(user.secretaryOf)?.path ?? null) : null,
		adminOfPath: user.adminOf ? (units.get(user.adminOf)?.path ?? null) : null
	};
}

/** The person and where they stand, or a 404. Every per-person action starts here, then asks the policy. */
async function personWithScope(db: Db, id: string) {
	const user = await peopleRepo(db).userById(id);
	if (!user) error(404, m.err_person_missing());
	return { user, scope: await scopeOf(db, user) };
}

/** An active person the actor may see, found by mobile number, or null (unknown and out of scope look the same). */
export async function findPersonByPhone(db: Db, actor: Actor, phone: string): Promise<{ id: string; name: string } | null> {
	const user = await peopleRepo(db).userByPhone(phone);
	if (!user || !user.active) return null;
	return policy.readPerson(actor, await scopeOf(db, user)) ? { id: user.id, name: user.name } : null;
}

function requireManagement(actor: Actor): string {
	const root = policy.managementRoot(actor);
	if (!root || !policy.openManagement(actor)) error(403, m.err_forbidden());
	return root;
}

/** The part of the tree the actor manages: branches (with their groups) they may put people in. */
export async function manageableTree(db: Db, actor: Actor): Promise<OrgNode[]> {
	return buildTree(await peopleRepo(db).subtree(requireManagement(actor)));
}

/** People sort the way a Chinese reader expects a list of names: by pinyin, active people first. */
const byPinyin = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

/** At most this many people are listed at once; beyond it the page asks for a search. */
export const PEOPLE_PAGE = 300;

export async function listPeople(db: Db, actor: Actor, query: string) {
	const people = await peopleRepo(db).usersUnder(requireManagement(actor), query.slice(0, 40), PEOPLE_PAGE + 1);
	const more = people.length > PEOPLE_PAGE;
	const shown = people.slice(0, PEOPLE_PAGE).sort((a, b) => Number(b.active) - Number(a.active) || byPinyin.compare(a.name, b.name));
	return { people: shown, more };
}

/** A person the actor may see; a 403 otherwise, and a 404 where there is no such person. */
export async function getPerson(db: Db, actor: Actor, id: string) {
	const { user, scope } = await personWithScope(db, id);
	if (!policy.readPerson(actor, scope)) error(403, m.err_forbidden());
	return {
		user,
		branch: scope.branch,
		canManage: policy.managePerson(actor, scope),
		canDeactivate: policy.deactivatePerson(actor, scope),
		canChangeRoles: policy.changeRoles(actor, scope)
	};
}

/**
 * A person whose records the actor may read (themselves, or someone in a branch they manage), with the
 * person as the policy sees them (for "was this member expected at that meeting?").
 */
export async function readableSubject(db: Db, actor: Actor, id: string): Promise<{ user: UserRow; branch: OrgUnitRow; subject: Actor }> {
	const { user, scope } = await personWithScope(db, id);
	if (!policy.readPerson(actor, scope)) error(403, m.err_forbidden());
	const subject: Actor = { userId: user.id, branchId: user.branchId, branchPath: scope.branch.path, groupId: user.groupId, secretaryOf: null, adminOf: null };
	return { user, branch: scope.branch, subject };
}

/**
 * Appoint or remove a branch secretary (of the person's own branch) and an admin of a unit inside the
 * actor's subtree. A branch may have more than one secretary (书记 and 副书记 both run it).
 */
export async function setRoles(db: Db, actor: Actor, id: string, input: { secretary: boolean; adminOf: string | null }, now = Date.now()): Promise<Outcome<UserRow>> {
	const { user, branch, canChangeRoles } = await getPerson(db, actor, id);
	if (!canChangeRoles) error(403, m.err_forbidden());
	let adminOf: string | null = null;
	if (input.adminOf) {
		const unit = await peopleRepo(db).orgUnit(input.adminOf);
		if (!unit || unit.kind === 'group' || !policy.grantRole(actor, unit.path)) return { ok: false, errors: { adminOf: m.err_admin_scope() } };
		adminOf = unit.id;
	}
	const updated = await peopleRepo(db).updateUser(user.id, { secretaryOf: input.secretary ? branch.id : null, adminOf, updatedAt: now });
	recordAudit(db, actor, 'person.roles', { targetId: user.id, summary: user.name, unitPath: branch.path }, now);
	return { ok: true, value: updated! };
}

async function checkPlacement(db: Db, actor: Actor, branchId: string, groupId: string | null): Promise<FieldErrors | null> {
	const repo = peopleRepo(db);
	const branch = await repo.orgUnit(branchId);
	if (!branch || branch.kind !== 'branch') return { branchId: m.err_branch_required() };
	if (!policy.createPersonIn(actor, branch.path)) return { branchId: m.err_forbidden() };
	if (groupId) {
		const group = await repo.orgUnit(groupId);
		if (!group || group.parentId !== branch.id) return { groupId: m.err_group_not_in_branch() };
	}
	return null;
}

export async function createPerson(db: Db, actor: Actor, input: unknown, now = Date.now()): Promise<Outcome<{ user: UserRow; password: string }>> {
	requireManagement(actor);
	const parsed = v.safeParse(personSchema, input);
	if (!parsed.success) return { ok: false, errors: issuesByField(parsed.issues) };
	const p = parsed.output;
	const placement = await checkPlacement(db, actor, p.branchId, p.groupId);
	if (placement) return { ok: false, errors: placement };
	const repo = peopleRepo(db);
	if (await repo.userByPhone(p.phone)) return { ok: false, errors: { phone: m.err_phone_taken() } };
	const password = tempPassword();
	const user = await repo.insertUser({
		id: uuidv7(now),
		phone: p.phone,
		name: p.name,
		passwordHash: await hashPassword(password),
		branchId: p.branchId,
		groupId: p.groupId,
		retired: p.retired,
		activist: p.activist,
		active: true,
		mustChangePassword: true,
		createdAt: now,
		updatedAt: now
	});
	recordAudit(db, actor, 'person.create', { targetId: user.id, summary: user.name, unitPath: (await repo.orgUnit(p.branchId))!.path }, now);
	return { ok: true, value: { user, password } };
}

export async function updatePerson(db: Db, actor: Actor, id: string, input: unknown, now = Date.now()): Promise<Outcome<UserRow>> {
	const { user, branch, canManage } = await getPerson(db, actor, id);
	if (!canManage) error(403, m.err_forbidden());
	const parsed = v.safeParse(personSchema, { ...(input as object), branchId: user.branchId });
	if (!parsed.success) return { ok: false, errors: issuesByField(parsed.issues) };
	const p = parsed.output;
	const placement = await checkPlacement(db, actor, user.branchId, p.groupId);
	if (placement) return { ok: false, errors: placement };
	const repo = peopleRepo(db);
	const holder = await repo.userByPhone(p.phone);
	if (holder && holder.id !== id) return { ok: false, errors: { phone: m.err_phone_taken() } };
	const updated = await repo.updateUser(id, { name: p.name, phone: p.phone, groupId: p.groupId, retired: p.retired, activist: p.activist, updatedAt: now });
	recordAudit(db, actor, 'person.update', { targetId: id, summary: p.name, unitPath: branch.path }, now);
	return { ok: true, value: updated! };
}

/** Deactivated people cannot sign in; their records stay. Their sessions end at once. */
export async function setActive(db: Db, actor: Actor, id: string, active: boolean, now = Date.now()) {
	const { user, scope } = await personWithScope(db, id);
	if (!policy.deactivatePerson(actor, scope)) error(403, m.err_forbidden());
	await peopleRepo(db).updateUser(id, { active, updatedAt: now });
	if (!active) await invalidateUserSessions(db, id);
	recordAudit(db, actor, active ? 'person.reactivate' : 'person.deactivate', { targetId: id, summary: user.name, unitPath: scope.branchPath }, now);
}

/** A new initial password, shown once to the manager; the holder must change it at next sign-in. */
export async function resetPassword(db: Db, actor: Actor, id: string, now = Date.now()): Promise<string> {
	const { user, scope } = await personWithScope(db, id);
	if (!policy.managePerson(actor, scope)) error(403, m.err_forbidden());
	const password = tempPassword();
	await peopleRepo(db).updateUser(id, { passwordHash: await hashPassword(password), mustChangePassword: true, updatedAt: now });
	await invalidateUserSessions(db, id);
	recordAudit(db, actor, 'person.reset_password', { targetId: id, summary: user.name, unitPath: scope.branchPath }, now);
	return password;
}

/**
 * Move a member to another branch (and group): their records go with them, the move is kept, and a
 * secretary role over the branch they leave ends (roles do not travel).
 */
export async function movePerson(db: Db, actor: Actor, id: string, input: { branchId: string; groupId: string | null }, now = Date.now()): Promise<Outcome<{ to: string }>> {
	const { user, scope } = await personWithScope(db, id);
	const repo = peopleRepo(db);
	const to = await repo.orgUnit(input.branchId);
	if (!to || to.kind !== 'branch') return { ok: false, errors: { branchId: m.err_branch_required() } };
	if (to.id === user.branchId) return { ok: false, errors: { branchId: m.err_move_same() } };
	if (!policy.movePerson(actor, scope, to.path)) error(403, m.err_forbidden());
	if (input.groupId) {
		const group = await repo.orgUnit(input.groupId);
		if (!group || group.parentId !== to.id) return { ok: false, errors: { groupId: m.err_group_not_in_branch() } };
	}
	repo.moveUser(id, { fromBranchId: user.branchId, toBranchId: to.id, groupId: input.groupId, secretaryOf: user.secretaryOf === user.branchId ? null : user.secretaryOf, movedBy: actor.userId, now });
	recordAudit(db, actor, 'person.move', { targetId: id, summary: m.audit_move_summary({ name: user.name, from: scope.branch.name, to: to.name }), unitPath: to.path }, now);
	return { ok: true, value: { to: to.name } };
}

/** A person's moves between branches, oldest first, by branch name. */
export async function movesOf(db: Db, actor: Actor, id: string) {
	await getPerson(db, actor, id);
	const repo = peopleRepo(db);
	const moves = await repo.moves(id);
	const names = new Map((await repo.orgUnits([...new Set(moves.flatMap((mv) => [mv.fromBranchId, mv.toBranchId]))])).map((u) => [u.id, u.name]));
	return moves.map((mv) => ({ at: mv.at, from: names.get(mv.fromBranchId) ?? '', to: names.get(mv.toBranchId) ?? '' }));
}

export async function createOrgUnit(db: Db, actor: Actor, input: unknown, now = Date.now()): Promise<Outcome<OrgUnitRow>> {
	const parsed = v.safeParse(orgUnitSchema, input);
	if (!parsed.success) return { ok: false, errors: issuesByField(parsed.issues) };
	const repo = peopleRepo(db);
	const parent = await repo.orgUnit(parsed.output.parentId);
	if (!parent || !policy.manageOrgUnit(actor, parent.path)) error(403, m.err_forbidden());
	if (!CHILD_KINDS[parent.kind].includes(parsed.output.kind)) return { ok: false, errors: { kind: m.err_org_kind() } };
	const unit = await repo.insertOrgUnit({ id: uuidv7(now), parentId: parent.id, kind: parsed.output.kind, name: parsed.output.name, now });
	recordAudit(db, actor, 'org.create', { targetId: unit.id, summary: `${parent.name} / ${unit.name}`, unitPath: unit.path }, now);
	return { ok: true, value: unit };
}
