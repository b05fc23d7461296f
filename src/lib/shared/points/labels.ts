import { m } from '$lib/paraglide/messages';
import type { PointRule, PointRules } from './rules';

const RULE_LABELS: Record<PointRule, () => string> = {
	study: m.points_rule_study,
	practice: m.points_rule_practice,
	reflection: m.points_rule_reflection,
	exam: m.points_rule_exam,
	contest: m.points_rule_contest,
	meeting: m.points_rule_meeting,
	makeup: m.points_rule_makeup
};

const FIELD_LABELS: Record<string, () => string> = {
	minutes: m.points_field_minutes,
	correct: m.points_field_correct,
	excellent: m.points_field_excellent,
	good: m.points_field_good,
	top: m.points_field_top,
	high: m.points_field_high,
	pass: m.points_field_pass,
	taken: m.points_field_taken,
	first: m.points_field_first,
	second: m.points_field_second,
	third: m.points_field_third,
	points: m.points_field_points,
	cap: m.points_field_cap
};

export const ruleLabel = (rule: PointRule) => RULE_LABELS[rule]();
export const fieldLabel = (field: string) => FIELD_LABELS[field]?.() ?? field;

/** How a rule earns, in words, with the current numbers. */
export function ruleHow(rule: PointRule, rules: PointRules): string {
	switch (rule) {
		case 'study':
			return m.points_how_study(rules.study);
		case 'practice':
			return m.points_how_practice(rules.practice);
		case 'reflection':
			return m.points_how_reflection(rules.reflection);
		case 'exam':
			return m.points_how_exam(rules.exam);
		case 'contest':
			return m.points_how_contest(rules.contest);
		case 'meeting':
			return m.points_how_meeting(rules.meeting);
		case 'makeup':
			return m.points_how_makeup(rules.makeup);
	}
}
