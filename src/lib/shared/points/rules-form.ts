import { POINT_RULES, RULE_LIMITS, type PointRules } from './rules';

/** Each number of the rules form is named `<rule>.<field>`, e.g. `study.minutes`. */
export const fieldName = (rule: string, field: string) => `${rule}.${field}`;

export type RulesFormResult = { ok: true; rules: PointRules } | { ok: false; field: string; min: number; max: number };

/** Read the admin's form: every number present, whole, and inside its bounds — or the first one that is not. */
export function parseRulesForm(get: (name: string) => string | null): RulesFormResult {
	const out: Record<string, Record<string, number>> = {};
	for (const rule of POINT_RULES) {
		out[rule] = {};
		for (const [field, [min, max]] of Object.entries(RULE_LIMITS[rule]) as [string, [number, number]][]) {
			const raw = get(fieldName(rule, field))?.trim() ?? '';
			const n = Number(raw);
			if (raw === '' || !Number.isInteger(n) || n < min || n > max) return { ok: false, field: fieldName(rule, field), min, max };
			out[rule][field] = n;
		}
	}
	return { ok: true, rules: out as unknown as PointRules };
}
