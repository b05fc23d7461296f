import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';

export const TRACKS = ['political', 'business'] as const;
export type Track = (typeof TRACKS)[number];
export const PURPOSES = ['practice', 'exam'] as const;
export type Purpose = (typeof PURPOSES)[number];

/** The create/edit form of a bank. The owner is checked against the actor's scope by the service. */
export const bankFormSchema = v.object({
	name: v.pipe(v.string(() => m.err_bank_name()), v.trim(), v.nonEmpty(() => m.err_bank_name()), v.maxLength(60, () => m.err_name_long())),
	track: v.picklist(TRACKS, () => m.err_bank_track()),
	purpose: v.picklist(PURPOSES, () => m.err_bank_purpose()),
	ownerUnitId: v.pipe(v.string(() => m.err_bank_owner()), v.nonEmpty(() => m.err_bank_owner())),
	description: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(500, () => m.err_name_long())), ''),
	partialCredit: v.pipe(
		v.union([v.number(), v.string()], () => m.err_bank_partial()),
		v.transform(Number),
		v.number(() => m.err_bank_partial()),
		v.minValue(0, () => m.err_bank_partial()),
		v.maxValue(1, () => m.err_bank_partial())
	)
});
export type BankForm = v.InferOutput<typeof bankFormSchema>;
