import type { MemberFigures } from './evaluation';
import type { Period } from './period';

export type RecordKind = 'study' | 'practice' | 'reflection' | 'exam' | 'contest' | 'meeting' | 'makeup';

/** One line of the timeline: what happened, when, and the points it earned. */
export interface RecordEvent {
	at: number;
	day: string;
	kind: RecordKind;
	title: string;
	detail: string;
	points: number;
}

/** The period in figures at the head of a learning record: the evaluation's figures, less the plans, plus 补学. */
export type RecordSummary = Pick<
	MemberFigures,
	'studyMinutes' | 'studyDays' | 'practiceAnswered' | 'practiceCorrect' | 'reflections' | 'reflectionsExcellent' | 'reflectionsGood' | 'examsTaken' | 'examsPassed' | 'contests' | 'meetingsExpected' | 'meetingsAttended' | 'points'
> & { makeups: number };

export interface LearningRecord {
	person: { id: string; name: string; phone: string; branchName: string };
	period: Period;
	periods: Period[];
	summary: RecordSummary;
	events: RecordEvent[];
}
