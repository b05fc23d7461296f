import type { Db } from '../db/client';
import { peopleRepo, type UserRow } from './repo';
import { findPersonByPhone } from './service';
import { m } from '$lib/paraglide/messages';
import { parentPath } from '$lib/shared/org-tree';
import type { Actor } from '$lib/shared/roles';

/**
 * Who an exam or a study plan is for: whole units (a branch or higher covers everyone beneath it, a
 * group its members) and people named one by one. Stored as JSON on the exam or plan.
 */
export interface Audience {
	units: string[];
	people: string[];
}

/** The audience as `policy.inAudience` reads it. */
export interface AudienceScope {
	unitPaths: string[];
	groupIds: string[];
	people: string[];
}

/** A group counts as its branch: whoever manages the branch may set work for the group. */
export const unitScopePath = (u: { kind: string; path: string }) => (u.kind === 'group' ? parentPath(u.path) : u.path);

export async function audienceScope(db: Db, audience: Audience): Promise<AudienceScope> {
	return (await audienceScopes(db, [audience]))[0];
}

/** The scopes of many audiences (a member's candidate plans) with one query for all their units. */
export async function audienceScopes(db: Db, audiences: Audience[]): Promise<AudienceScope[]> {
	const units = await peopleRepo(db).orgUnits([...new Set(audiences.flatMap((a) => a.units))]);
	const pathOf = new Map(units.map((u) => [u.id, u.path]));
	return audiences.map((a) => ({ unitPaths: a.units.flatMap((id) => pathOf.get(id) ?? []), groupIds: a.units, people: a.people }));
}

/** Everyone the audience covers who is still active. */
export async function audienceMembers(db: Db, audience: Audience): Promise<UserRow[]> {
	const repo = peopleRepo(db);
	const scope = await audienceScope(db, audience);
	const inUnits = await repo.peopleUnder(scope.unitPaths, audience.units);
	const named = await repo.usersByIds(audience.people.filter((id) => !inUnits.some((p) => p.id === id)));
	return [...inUnits, ...named].filter((p) => p.active);
}

/** Branches and groups under the actor's management root that `may` allows, for an audience picker. */
export async function audienceUnitChoices(db: Db, root: string, may: (path: string) => boolean) {
	const units = await peopleRepo(db).subtree(root);
	const byId = new Map(units.map((u) => [u.id, u]));
	return units
		.filter((u) => (u.kind === 'branch' || u.kind === 'group') && may(unitScopePath(u)))
		.map((u) => ({ id: u.id, name: u.kind === 'group' ? `${byId.get(u.parentId!)?.name ?? ''} · ${u.name}` : u.name, kind: u.kind }));
}

/**
 * Check an audience typed into a form: every unit one the actor may set work for, every mobile number
 * an active person they manage.
 */
export async function resolveAudience(
	db: Db,
	actor: Actor,
	unitIds: string[],
	phones: string[],
	may: (path: string) => boolean,
	badUnits: string = m.err_exam_audience()
): Promise<{ ok: true; audience: Audience } | { ok: false; message: string }> {
	const units = await peopleRepo(db).orgUnits(unitIds);
	if (units.length !== new Set(unitIds).size || units.some((u) => !may(unitScopePath(u)))) return { ok: false, message: badUnits };
	const people: string[] = [];
	for (const phone of new Set(phones.filter(Boolean))) {
		const person = await findPersonByPhone(db, actor, phone);
		if (!person) return { ok: false, message: m.err_exam_person({ phone }) };
		people.push(person.id);
	}
	return { ok: true, audience: { units: [...new Set(unitIds)], people } };
}
