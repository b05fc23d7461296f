import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { isUuid } from '../id';
import type { ChoiceOption, QuestionType } from './types';

export const PRACTICE_KIND = 'practice.answer';
/** 每日练习: questions per member per day unless an admin sets otherwise. */
export const DEFAULT_DAILY_CAP = 10;
export const PRACTICE_MODES = ['practice', 'daily', 'mistakes'] as const;
export type PracticeMode = (typeof PRACTICE_MODES)[number];

/** One practice answer, as the outbox carries it. The server grades it again from the version asked. */
export const practiceAnswerSchema = v.object(
	{
		questionId: v.pipe(v.string(), v.check(isUuid, () => m.err_practice_question())),
		version: v.pipe(v.number(), v.integer(), v.minValue(1)),
		mode: v.picklist(PRACTICE_MODES, () => m.err_practice_mode()),
		response: v.pipe(v.array(v.pipe(v.string(), v.maxLength(500))), v.maxLength(10)),
		/** Time from showing the question to answering it, for FSRS's “easy”; null when unknown. */
		ms: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24 * 60 * 60 * 1000))), null)
	},
	() => m.err_practice_answer()
);
export type PracticeAnswer = v.InferOutput<typeof practiceAnswerSchema>;

/** A practice question as a phone keeps it: with its key and explanation (practice banks only). */
export interface PracticeQuestion {
	id: string;
	version: number;
	bankId: string;
	type: Exclude<QuestionType, 'essay'>;
	stem: string;
	/** The stem rendered from Markdown and sanitised on the server. */
	stemHtml: string;
	options: ChoiceOption[];
	answer: string[];
	blanks: string[][];
	orderFree: boolean;
	caseInsensitive: boolean;
	explanation: string;
	tags: string[];
	partialCredit: number;
}

export interface PracticeSet {
	bankId: string;
	name: string;
	questions: PracticeQuestion[];
	generatedAt: number;
}

export interface DailySet {
	day: string;
	/** How many the day holds in all (answered ones included). */
	cap: number;
	answeredToday: number;
	questions: PracticeQuestion[];
}

export interface MistakeBook {
	questions: (PracticeQuestion & { wrongCount: number; rightDays: number })[];
}
