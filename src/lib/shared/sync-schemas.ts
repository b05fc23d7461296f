import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { isUuid } from './id';
import { localeSchema } from './schemas';

export const MAX_BATCH = 100;
export const MAX_OP_BYTES = 64 * 1024;

/** The envelope every outbox op travels in. `payload` is checked per kind by the server. */
export const opSchema = v.object({
	id: v.pipe(v.string(() => m.err_op_id()), v.check(isUuid, () => m.err_op_id())),
	kind: v.pipe(v.string(() => m.err_op_kind()), v.nonEmpty(() => m.err_op_kind()), v.maxLength(64)),
	at: v.pipe(v.number(() => m.err_op_at()), v.integer(() => m.err_op_at()), v.minValue(0, () => m.err_op_at())),
	payload: v.unknown()
}, () => m.err_op_shape());
export type Op = v.InferOutput<typeof opSchema>;

export const batchSchema = v.object({
	ops: v.pipe(
		v.array(v.unknown(), () => m.err_batch_shape()),
		v.maxLength(MAX_BATCH, () => m.err_batch_too_big({ max: MAX_BATCH }))
	)
}, () => m.err_batch_shape());

export type OpStatus = 'applied' | 'duplicate' | 'rejected';
export interface OpResult {
	id: string;
	status: OpStatus;
	error?: string;
}

/** Op kinds and their payloads. Later capabilities add kinds here. */
export const settingsPayloadSchema = v.pipe(
	v.object({
		elderMode: v.optional(v.boolean(() => m.err_settings_elder())),
		locale: v.optional(localeSchema)
	}),
	v.check((p) => p.elderMode !== undefined || p.locale !== undefined, () => m.err_settings_empty())
);
export type SettingsPayload = v.InferOutput<typeof settingsPayloadSchema>;

export interface MemberSettings {
	elderMode: boolean;
	locale: 'zh-CN' | 'en';
}

/** The member's points as the server counted them at `at` (server time); `today` is for the Beijing `day`. */
export interface PointsSummary {
	total: number;
	today: number;
	day: string;
	at: number;
}

export interface PullResponse {
	cursor: string;
	settings: MemberSettings | null;
	/** Sent when the member's ledger changed since the cursor. */
	points: PointsSummary | null;
}
