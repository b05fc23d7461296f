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

/** The period in figures: the learning record's head, and a member's line in the evaluations. */
export interface RecordSummary {
	studyMinutes: number;
	studyDays: number;
	practiceAnswered: number;
	practiceCorrect: number;
	reflections: number;
	reflectionsExcellent: number;
	reflectionsGood: number;
	examsTaken: number;
	examsPassed: number;
	contests: number;
	meetingsExpected: number;
	meetingsAttended: number;
	makeups: number;
	points: number;
}

export interface LearningRecord {
	person: { id: string; name: string; phone: string; branchName: string };
	period: Period;
	periods: Period[];
	summary: RecordSummary;
	events: RecordEvent[];
}
