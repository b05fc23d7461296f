import * as v from 'valibot';
import type { Tx } from '../db/client';
import { writeSettingsInTx } from '../settings/repo';
import type { Actor } from '$lib/shared/roles';
import { firstIssue } from '$lib/shared/schemas';
import { settingsPayloadSchema } from '$lib/shared/sync-schemas';

/** Turns one op's payload into a write, or a rejection in the member's language. */
export type OpHandler = (actor: Actor, payload: unknown, deviceAt: number, now: number) => { write: (tx: Tx) => void } | { reject: string };

/** One entry per op kind. Later capabilities (reading progress, answers, check-ins…) add theirs here. */
export const opHandlers: Record<string, OpHandler> = {
	'settings.update': (actor, payload, deviceAt, now) => {
		const parsed = v.safeParse(settingsPayloadSchema, payload);
		if (!parsed.success) return { reject: firstIssue(parsed.issues) };
		return { write: (tx) => writeSettingsInTx(tx, actor.userId, parsed.output, deviceAt, now) };
	}
};
