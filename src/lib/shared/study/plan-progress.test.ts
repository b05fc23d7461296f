import { describe, expect, it } from 'vitest';
import { planStanding, requiredMs } from './plan-progress';

const lessons = [
	{ id: 'a1', moduleId: 'a', requiredMs: 60_000 },
	{ id: 'a2', moduleId: 'a', requiredMs: 120_000 },
	{ id: 'b1', moduleId: 'b', requiredMs: 60_000 }
];
const base = { moduleIds: ['a', 'b'], lessons, dueOn: '2026-12-01', today: '2026-11-28' };

describe('planStanding', () => {
	it('counts a lesson done only at its required time', () => {
		const ms: Record<string, number> = { a1: 60_000, a2: 119_999, b1: 0 };
		const s = planStanding({ ...base, msOf: (id) => ms[id] ?? 0, reflections: [] });
		expect(s.lessonsDone).toBe(1);
		expect(s.lessonsTotal).toBe(3);
		expect(s.effectiveMs).toBe(179_999);
		expect(s.complete).toBe(false);
	});

	it('needs a handed-in reflection on every module to be complete; a returned one does not count', () => {
		const all = () => 999_999;
		const returned = planStanding({ ...base, msOf: all, reflections: [{ moduleId: 'a', status: 'returned', grade: null }, { moduleId: 'b', status: 'reviewed', grade: 'good' }] });
		expect(returned.complete).toBe(false);
		expect(returned.reflectionsIn).toBe(1);
		const done = planStanding({ ...base, msOf: all, reflections: [{ moduleId: 'a', status: 'submitted', grade: null }, { moduleId: 'b', status: 'reviewed', grade: 'good' }] });
		expect(done.complete).toBe(true);
	});

	it('is overdue only after the due day', () => {
		const none = { msOf: () => 0, reflections: [] };
		expect(planStanding({ ...base, ...none, today: '2026-12-01' }).overdue).toBe(false);
		expect(planStanding({ ...base, ...none, today: '2026-12-02' }).overdue).toBe(true);
	});

	it('takes the plan minimum over the estimate when set', () => {
		expect(requiredMs(null, 4)).toBe(240_000);
		expect(requiredMs(10, 4)).toBe(600_000);
	});
});
