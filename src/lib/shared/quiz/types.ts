/** 单选 · 多选 · 判断 · 填空 · 简答 */
export type QuestionType = 'single' | 'multiple' | 'judge' | 'fill' | 'essay';

export const QUESTION_TYPES: readonly QuestionType[] = ['single', 'multiple', 'judge', 'fill', 'essay'];

export interface ChoiceOption {
	/** A–H */
	key: string;
	text: string;
}

/**
 * What a question asks and what counts as right: all that grading needs. A version of a question
 * is one of these, frozen, so an edit never changes an attempt already made.
 * - single / multiple: `options` and `answer` (option keys, sorted)
 * - judge: `answer` is `['true']` or `['false']`
 * - fill: `blanks`, one list of accepted alternatives per blank, in order
 * - essay: `reference`, the answer markers compare against (marked by hand)
 */
export interface QuestionContent {
	type: QuestionType;
	stem: string;
	options: ChoiceOption[];
	answer: string[];
	blanks: string[][];
	orderFree: boolean;
	caseInsensitive: boolean;
	reference: string;
	explanation: string;
	/** From `[3分]`; null means the paper's points for the type. */
	points: number | null;
}

/** What a bank keeps about a question besides its content. */
export interface QuestionMeta {
	tags: string[];
	/** 1 (easy) – 5 (hard); 3 when not given. */
	difficulty: number;
	source: string;
	/** 政策时效: the last day (YYYY-MM-DD, Beijing time) the question is valid; null for ever. */
	validUntil: string | null;
}

export const DEFAULT_DIFFICULTY = 3;

/** A question as an import produces it, before it belongs to a bank. */
export type QuestionDraft = QuestionContent & QuestionMeta;

export interface ImportError {
	line: number;
	message: string;
}

export interface ImportResult {
	questions: (QuestionDraft & { line: number })[];
	errors: ImportError[];
}

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ITEMS = 20_000;
