import { error } from '@sveltejs/kit';
import { recordAudit } from '../audit/audit-service';
import { policy } from '../auth/policy';
import type { Db } from '../db/client';
import { appSettingsRepo } from '../settings/app-repo';
import { pointRules } from './awards';
import { ledgerRepo, type LedgerEntry } from './ledger-repo';
import { m } from '$lib/paraglide/messages';
import { beijingDay } from '$lib/shared/day';
import { ruleLabel, fieldLabel } from '$lib/shared/points/labels';
import { parseRulesForm } from '$lib/shared/points/rules-form';
import { POINT_RULES, POINT_RULES_KEY, type PointRule, type PointRules } from '$lib/shared/points/rules';
import type { Actor } from '$lib/shared/roles';
import type { PointsSummary } from '$lib/shared/sync-schemas';

const HISTORY_PAGE = 50;

export interface TodayRule {
	rule: PointRule;
	earned: number;
	cap: number;
}

export interface MyPoints {
	day: string;
	total: number;
	todayTotal: number;
	today: TodayRule[];
	rules: PointRules;
	history: LedgerEntry[];
	/** Pass as `before` to read the next page, or null at the end. */
	nextBefore: number | null;
}

/** 我的积分: today's points per rule against its cap, the total, and the history, newest first. */
export function myPoints(db: Db, actor: Actor, now = Date.now(), before = Number.MAX_SAFE_INTEGER): MyPoints {
	const repo = ledgerRepo(db);
	const day = beijingDay(now);
	const rules = pointRules(db);
	const earned = repo.dayByRule(actor.userId, day);
	const today = POINT_RULES.map((rule) => ({ rule, earned: earned.get(rule) ?? 0, cap: rules[rule].cap }));
	const history = repo.history(actor.userId, before, HISTORY_PAGE + 1);
	const more = history.length > HISTORY_PAGE;
	if (more) history.pop();
	return {
		day,
		total: repo.total(actor.userId),
		todayTotal: today.reduce((n, r) => n + r.earned, 0),
		today,
		rules,
		history: mergeRunning(history),
		nextBefore: more ? history[history.length - 1].at : null
	};
}

/** Study minutes and practice answers earn a point at a time: one line per rule and day reads better. */
function mergeRunning(history: LedgerEntry[]): LedgerEntry[] {
	const out: LedgerEntry[] = [];
	for (const e of history) {
		const last = out[out.length - 1];
		if (last && RUNNING.has(e.rule) && last.rule === e.rule && last.day === e.day) last.points += e.points;
		else out.push({ ...e });
	}
	return out;
}
const RUNNING = new Set<PointRule>(['study', 'practice']);

/** The total and today's points, for the card on 我的 and the sync pull. */
export function pointsSummary(db: Db, actor: Actor, now = Date.now()): PointsSummary {
	const repo = ledgerRepo(db);
	const day = beijingDay(now);
	const today = [...repo.dayByRule(actor.userId, day).values()].reduce((n, p) => n + p, 0);
	return { total: repo.total(actor.userId), today, day, at: now };
}

/** For `GET /api/sync`: the summary when the ledger changed since the cursor, else null. */
export function pointsChangedSince(db: Db, actor: Actor, since: number, now = Date.now()): PointsSummary | null {
	return ledgerRepo(db).changedSince(actor.userId, since) ? pointsSummary(db, actor, now) : null;
}

/** The rules for the admin's form: organisation admins only. */
export function rulesToEdit(db: Db, actor: Actor): PointRules {
	if (!policy.managePointRules(actor)) error(403, m.err_forbidden());
	return pointRules(db);
}

export async function setPointRules(db: Db, actor: Actor, get: (name: string) => string | null, now = Date.now()): Promise<{ ok: true } | { ok: false; message: string }> {
	if (!policy.managePointRules(actor)) error(403, m.err_forbidden());
	const parsed = parseRulesForm(get);
	if (!parsed.ok) {
		const [rule, field] = parsed.field.split('.') as [PointRule, string];
		return { ok: false, message: m.err_point_rule({ rule: ruleLabel(rule), field: fieldLabel(field), min: parsed.min, max: parsed.max }) };
	}
	await appSettingsRepo(db).set(POINT_RULES_KEY, parsed.rules, actor.userId, now);
	recordAudit(db, actor, 'points.rules', { summary: m.points_rules_title(), unitPath: actor.adminOf!.path }, now);
	return { ok: true };
}
