import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { isUuid } from '../id';
import type { ChoiceOption, QuestionType } from './types';

export const EXAM_ANSWER_KIND = 'exam.answer';
export const EXAM_EVENT_KIND = 'exam.event';
export const SHOW_RESULTS = ['on_submit', 'after_close', 'never'] as const;
export type ShowResults = (typeof SHOW_RESULTS)[number];

/** Answers reaching the server this long after the deadline still count (a slow network, not a late member). */
export const DEADLINE_GRACE_MS = 60_000;

const id = () => v.pipe(v.string(), v.check(isUuid, () => m.err_exam_answer()));
const response = v.pipe(v.array(v.pipe(v.string(), v.maxLength(5000))), v.maxLength(10));

export const examAnswerSchema = v.object(
	{
		attemptId: id(),
		questionId: id(),
		response,
		ms: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))), null)
	},
	() => m.err_exam_answer()
);
export type ExamAnswerPayload = v.InferOutput<typeof examAnswerSchema>;

export const examEventSchema = v.object({ attemptId: id(), kind: v.picklist(['hidden'], () => m.err_exam_answer()) }, () => m.err_exam_answer());

/** The whole answer sheet sent with 交卷, so what is on the phone is what is graded. */
export const submitSchema = v.object(
	{
		answers: v.pipe(
			v.array(v.object({ questionId: id(), response, savedAt: v.pipe(v.number(), v.integer(), v.minValue(0)), ms: v.optional(v.nullable(v.number()), null) })),
			v.maxLength(500)
		)
	},
	() => m.err_exam_answer()
);

/** A question as the phone sees it during an attempt: no key, no explanation, options in this member's order. */
export interface AttemptQuestion {
	questionId: string;
	type: QuestionType;
	stem: string;
	/** The stem rendered from Markdown and sanitised on the server. */
	stemHtml: string;
	options: ChoiceOption[];
	blankCount: number;
	points: number;
}

export interface AttemptView {
	attemptId: string;
	examId: string;
	title: string;
	deadline: number;
	serverNow: number;
	status: 'open' | 'marking' | 'graded';
	questions: AttemptQuestion[];
	/** Answers the server already holds (for resuming on another device or after clearing the phone). */
	saved: Record<string, string[]>;
}

/** After submission, as far as the exam's settings allow. */
export interface AttemptResult {
	attemptId: string;
	status: 'marking' | 'graded';
	/** Null while results are held back (after closing / never). */
	score: number | null;
	maxScore: number;
	passed: boolean | null;
	review: ReviewItem[] | null;
	heldUntil: number | null;
}

export interface ReviewItem extends AttemptQuestion {
	response: string[];
	answer: string[];
	blanks: string[][];
	reference: string;
	explanation: string;
	score: number | null;
	correct: boolean | null;
	comment: string | null;
}

/** An exam in the member's list. */
export interface MemberExam {
	id: string;
	title: string;
	opensAt: number;
	closesAt: number;
	timeLimitMin: number;
	attemptsLeft: number;
	open: boolean;
	/** The attempt under way, if any. */
	openAttemptId: string | null;
	/** The last submitted attempt's id, for its result. */
	lastAttemptId: string | null;
	/** Every handed-in attempt, oldest first (each result shown as the exam's settings allow). */
	pastAttempts: { id: string; number: number; submittedAt: number | null }[];
}
