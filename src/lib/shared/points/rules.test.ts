import { describe, expect, it } from 'vitest';
import { parseRulesForm } from './rules-form';
import { contestPoints, DEFAULT_POINT_RULES, examPoints, grantWithinCap, reflectionPoints, unitsWorth, withDefaults } from './rules';

describe('point rules', () => {
	it('grants only what the daily cap leaves', () => {
		expect(grantWithinCap(3, 0, 6)).toBe(3);
		expect(grantWithinCap(3, 5, 6)).toBe(1);
		expect(grantWithinCap(3, 6, 6)).toBe(0);
		expect(grantWithinCap(3, 9, 6)).toBe(0);
	});

	it('counts running totals in whole points', () => {
		expect(unitsWorth(14.9, 5)).toBe(2);
		expect(unitsWorth(15, 5)).toBe(3);
		expect(unitsWorth(4.99, 5)).toBe(0);
	});

	it('pays exams by band and nothing below the pass mark', () => {
		const r = DEFAULT_POINT_RULES.exam;
		expect(examPoints(r, 59, 100, 60)).toBe(0);
		expect(examPoints(r, 60, 100, 60)).toBe(r.pass);
		expect(examPoints(r, 80, 100, 60)).toBe(r.high);
		expect(examPoints(r, 18, 20, 60)).toBe(r.top);
		// A pass mark above 80 % leaves only the top band for 90 %+.
		expect(examPoints(r, 85, 100, 90)).toBe(0);
		expect(examPoints(r, 0, 0, 60)).toBe(0);
	});

	it('pays contests for taking part plus the podium', () => {
		const r = DEFAULT_POINT_RULES.contest;
		expect(contestPoints(r, 1)).toBe(r.taken + r.first);
		expect(contestPoints(r, 3)).toBe(r.taken + r.third);
		expect(contestPoints(r, 4)).toBe(r.taken);
	});

	it('pays reflections graded 优秀 or 良好 only', () => {
		const r = DEFAULT_POINT_RULES.reflection;
		expect(reflectionPoints(r, 'excellent')).toBe(r.excellent);
		expect(reflectionPoints(r, 'good')).toBe(r.good);
		expect(reflectionPoints(r, 'pass')).toBe(0);
		expect(reflectionPoints(r, null)).toBe(0);
	});

	it('keeps defaults under stored rules and ignores junk', () => {
		const r = withDefaults({ study: { minutes: 10 }, exam: { cap: 'x' as unknown as number } });
		expect(r.study).toEqual({ minutes: 10, cap: DEFAULT_POINT_RULES.study.cap });
		expect(r.exam).toEqual(DEFAULT_POINT_RULES.exam);
		expect(withDefaults(null)).toEqual(DEFAULT_POINT_RULES);
	});

	it('reads the admin form and names the first bad number', () => {
		const values = new Map<string, string>();
		for (const [rule, fields] of Object.entries(DEFAULT_POINT_RULES)) for (const [k, n] of Object.entries(fields)) values.set(`${rule}.${k}`, String(n));
		expect(parseRulesForm((k) => values.get(k) ?? null)).toEqual({ ok: true, rules: DEFAULT_POINT_RULES });
		values.set('study.minutes', '0');
		expect(parseRulesForm((k) => values.get(k) ?? null)).toEqual({ ok: false, field: 'study.minutes', min: 1, max: 120 });
		values.set('study.minutes', '5');
		values.set('meeting.cap', '2.5');
		expect(parseRulesForm((k) => values.get(k) ?? null)).toMatchObject({ ok: false, field: 'meeting.cap' });
		values.delete('meeting.cap');
		expect(parseRulesForm((k) => values.get(k) ?? null)).toMatchObject({ ok: false, field: 'meeting.cap' });
	});
});
