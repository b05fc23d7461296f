import * as v from 'valibot';
import type { Db } from '../db/client';
import { pointsChangedSince } from '../points/points-service';
import { settingsRepo, toMemberSettings } from '../settings/repo';
import { opHandlers } from './handlers';
import { applyBatch, type PreparedOp } from './repo';
import { m } from '$lib/paraglide/messages';
import type { Actor } from '$lib/shared/roles';
import { firstIssue } from '$lib/shared/schemas';
import { batchSchema, MAX_OP_BYTES, opSchema, type OpResult, type PullResponse } from '$lib/shared/sync-schemas';

export type PushOutcome = { ok: true; results: OpResult[] } | { ok: false; status: 400; message: string };

/** Ops older than this (device clock) or further in the future are refused: a broken clock must not win every merge. */
const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

/**
 * `POST /api/sync`: validate the envelope, then each op on its own, so one bad op never blocks the rest.
 * An op that cannot even be identified (no valid id) cannot be acknowledged and fails the whole batch with 400.
 */
export async function pushOps(db: Db, actor: Actor, body: unknown, now = Date.now()): Promise<PushOutcome> {
	const batch = v.safeParse(batchSchema, body);
	if (!batch.success) return { ok: false, status: 400, message: firstIssue(batch.issues) };

	const prepared: PreparedOp[] = [];
	for (const [index, raw] of batch.output.ops.entries()) {
		const op = v.safeParse(opSchema, raw);
		if (!op.success) return { ok: false, status: 400, message: m.err_op_at_index({ index, reason: firstIssue(op.issues) }) };
		const { id, kind, at, payload } = op.output;
		const handler = opHandlers[kind];
		if (!handler) prepared.push({ id, kind, at, reject: m.err_op_unknown_kind({ kind }) });
		else if (JSON.stringify(payload ?? null).length > MAX_OP_BYTES) prepared.push({ id, kind, at, reject: m.err_op_too_big() });
		else if (at > now + MAX_FUTURE_MS) prepared.push({ id, kind, at, reject: m.err_op_future() });
		else prepared.push({ id, kind, at, ...handler(db, actor, payload, at, now, id) });
	}
	return { ok: true, results: await applyBatch(db, actor.userId, prepared, now) };
}

/** `GET /api/sync?since=`: what changed in the member's scope. The cursor is opaque to the client. */
export async function pullChanges(db: Db, actor: Actor, since: string | null, now = Date.now()): Promise<PullResponse> {
	const from = since && /^\d{1,15}$/.test(since) ? Number(since) : 0;
	const settings = await settingsRepo(db).changedSince(actor.userId, from);
	return { cursor: String(now), settings: settings ? toMemberSettings(settings) : null, points: pointsChangedSince(db, actor, from, now) };
}
