import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { nameSchema, phoneSchema } from './schemas';

const optionalId = v.pipe(
	v.optional(v.string(), ''),
	v.transform((s) => (s.trim() === '' ? null : s.trim()))
);

export const personSchema = v.object({
	name: nameSchema,
	phone: phoneSchema,
	branchId: v.pipe(v.string(() => m.err_branch_required()), v.nonEmpty(() => m.err_branch_required())),
	groupId: optionalId,
	retired: v.boolean(),
	activist: v.boolean()
});
export type PersonInput = v.InferOutput<typeof personSchema>;

export const ORG_KINDS = ['committee', 'general_branch', 'branch', 'group'] as const;
/** Which kinds may sit under which: 党委 → (党总支) → 党支部 → 党小组. */
export const CHILD_KINDS: Record<(typeof ORG_KINDS)[number], readonly (typeof ORG_KINDS)[number][]> = {
	committee: ['general_branch', 'branch'],
	general_branch: ['branch'],
	branch: ['group'],
	group: []
};

export const orgUnitSchema = v.object({
	parentId: v.pipe(v.string(), v.nonEmpty(() => m.err_invalid())),
	kind: v.picklist(ORG_KINDS, () => m.err_org_kind()),
	name: v.pipe(v.string(() => m.err_name_required()), v.trim(), v.nonEmpty(() => m.err_name_required()), v.maxLength(40, () => m.err_name_long()))
});
