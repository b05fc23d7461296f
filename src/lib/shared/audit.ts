import { m } from '$lib/paraglide/messages';

/** Management actions the audit log records, with their names in the log. */
const ACTIONS = {
	'person.create': m.audit_person_create,
	'person.update': m.audit_person_update,
	'person.deactivate': m.audit_person_deactivate,
	'person.reactivate': m.audit_person_reactivate,
	'person.reset_password': m.audit_person_reset_password,
	'person.roles': m.audit_person_roles,
	'person.move': m.audit_person_move,
	'people.import': m.audit_people_import,
	'org.create': m.audit_org_create,
	'points.rules': m.audit_points_rules,
	'points.ranks': m.audit_points_ranks,
	'evaluation.set': m.audit_evaluation_set
} as const;

export type AuditAction = keyof typeof ACTIONS;
export const auditActionLabel = (a: string) => ACTIONS[a as AuditAction]?.() ?? a;
