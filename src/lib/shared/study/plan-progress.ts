import type { Grade } from './reflection-schemas';

/**
 * Where a member stands in a study plan. A lesson is done once its credited time reaches the plan's
 * minimum (or the lesson's reading estimate); a module is done when all its lessons are; the plan is
 * complete when every module is done and has a 学习心得 handed in (not one returned for revision).
 * Overdue: not complete after the due day.
 */
export interface LessonNeed {
	id: string;
	moduleId: string;
	requiredMs: number;
}

export interface ReflectionState {
	moduleId: string;
	status: 'submitted' | 'returned' | 'reviewed';
	grade: Grade | null;
}

export interface ModuleStanding {
	moduleId: string;
	lessonsDone: number;
	lessonsTotal: number;
	effectiveMs: number;
	/** The latest reflection on this module for this plan, if any. */
	reflection: ReflectionState | null;
}

export interface PlanStanding {
	modules: ModuleStanding[];
	lessonsDone: number;
	lessonsTotal: number;
	effectiveMs: number;
	reflectionsIn: number;
	complete: boolean;
	overdue: boolean;
}

export function requiredMs(minMinutes: number | null, estimateMinutes: number): number {
	return (minMinutes ?? estimateMinutes) * 60_000;
}

export function planStanding(input: {
	moduleIds: string[];
	lessons: LessonNeed[];
	msOf: (lessonId: string) => number;
	/** This member's reflections on the plan, latest first. */
	reflections: ReflectionState[];
	dueOn: string;
	today: string;
}): PlanStanding {
	const modules = input.moduleIds.map((moduleId): ModuleStanding => {
		const own = input.lessons.filter((l) => l.moduleId === moduleId);
		return {
			moduleId,
			lessonsDone: own.filter((l) => input.msOf(l.id) >= l.requiredMs).length,
			lessonsTotal: own.length,
			effectiveMs: own.reduce((sum, l) => sum + input.msOf(l.id), 0),
			reflection: input.reflections.find((r) => r.moduleId === moduleId) ?? null
		};
	});
	const handedIn = (r: ReflectionState | null) => r !== null && r.status !== 'returned';
	const complete = modules.every((mod) => mod.lessonsDone === mod.lessonsTotal && handedIn(mod.reflection));
	return {
		modules,
		lessonsDone: modules.reduce((n, mod) => n + mod.lessonsDone, 0),
		lessonsTotal: modules.reduce((n, mod) => n + mod.lessonsTotal, 0),
		effectiveMs: modules.reduce((n, mod) => n + mod.effectiveMs, 0),
		reflectionsIn: modules.filter((mod) => handedIn(mod.reflection)).length,
		complete,
		overdue: !complete && input.today > input.dueOn
	};
}
