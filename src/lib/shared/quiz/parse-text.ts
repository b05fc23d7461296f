import { m } from '$lib/paraglide/messages';
import { DEFAULT_DIFFICULTY, MAX_IMPORT_ITEMS, type ChoiceOption, type ImportError, type ImportResult, type QuestionDraft, type QuestionType } from './types';

/**
 * The plain-text question format admins type in Word (docs/question-format.md). Full-width and
 * half-width punctuation are both accepted; every error carries the line it is on.
 */
const ITEM_RE = /^\s*(\d{1,5})\s*[.．、](?!\d)\s*(.*)$/;
const OPTION_RE = /^\s*([A-Ha-h])\s*[.．、。:：]\s*(.*)$/;
const ANSWER_RE = /^\s*(?:正确)?答案\s*[:：]\s*(.*)$/;
const EXPLAIN_RE = /^\s*(?:解析\s*[:：]|[[【［]\s*解析\s*[\]】］])\s*(.*)$/;
const BRACKET_RE = /[[【［]([^\]】］[【［]*)[\]】］]/g;
const ONLY_BRACKETS_RE = /^\s*(?:[[【［][^\]】］]*[\]】］]\s*)+$/;
const BLANK_RE = /[_＿]{5,}/g;
export const BLANK = '_____';

const TYPE_FLAGS: Record<string, QuestionType> = {
	单选: 'single',
	单选题: 'single',
	多选: 'multiple',
	多选题: 'multiple',
	判断: 'judge',
	判断题: 'judge',
	填空: 'fill',
	填空题: 'fill',
	主观题: 'essay',
	简答: 'essay',
	简答题: 'essay'
};
const TRUE_WORDS = new Set(['√', '✓', '✔', '对', '正确', 'T', 't', 'true', '是']);
const FALSE_WORDS = new Set(['×', '✗', '✘', 'X', 'x', '错', '错误', 'F', 'f', 'false', '否']);

export function judgeValue(word: string): 'true' | 'false' | null {
	const w = word.trim();
	if (TRUE_WORDS.has(w)) return 'true';
	if (FALSE_WORDS.has(w)) return 'false';
	return null;
}

/** `[a b]` or `[a b|c]`: alternatives split on `|` when there is one, else on spaces. */
export function splitAlternatives(group: string): string[] {
	const parts = /[|｜]/.test(group) ? group.split(/[|｜]/) : group.split(/[\s/／]+/);
	return parts.map((p) => p.trim()).filter(Boolean);
}

/** One item as read from any format, before its type is worked out and it is checked. */
export interface RawItem {
	line: number;
	/** The item's number, as errors name it ("第 3 题"). */
	number: number;
	stem: string[];
	options: (ChoiceOption & { line: number })[];
	answer: { text: string; line: number } | null;
	explanation: string[];
	/** Bracket groups from lines holding nothing else, in order. */
	looseGroups: string[];
}

export function parseQuestionText(text: string): ImportResult {
	const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	const errors: ImportError[] = [];
	const items: RawItem[] = [];
	let item: RawItem | null = null;
	let mode: 'stem' | 'options' | 'answer' | 'explanation' = 'stem';
	let listNumber = 0;
	let blankSinceList = false;

	for (const [index, raw] of lines.entries()) {
		const line = index + 1;
		const start = ITEM_RE.exec(raw);
		if (start && mode === 'explanation') {
			// Inside a 解析 a numbered line belongs to a list in it, unless it carries the next item's number
			// and does not simply continue that list (a blank line before it ends the list).
			const n = Number(start[1]);
			const continuesList = listNumber > 0 && n === listNumber + 1 && !blankSinceList;
			if (n !== item!.number + 1 || continuesList) {
				item!.explanation.push(raw);
				listNumber = n;
				blankSinceList = false;
				continue;
			}
		}
		if (start) {
			listNumber = 0;
			blankSinceList = false;
			item = { line, number: Number(start[1]), stem: [start[2]], options: [], answer: null, explanation: [], looseGroups: [] };
			items.push(item);
			mode = 'stem';
			if (items.length > MAX_IMPORT_ITEMS) return { questions: [], errors: [{ line, message: m.import_too_many({ max: MAX_IMPORT_ITEMS }) }] };
			continue;
		}
		if (!item) {
			if (raw.trim()) errors.push({ line, message: m.import_outside_item() });
			continue;
		}
		const explain = EXPLAIN_RE.exec(raw);
		const answer = ANSWER_RE.exec(raw);
		const option = mode !== 'explanation' && mode !== 'answer' ? OPTION_RE.exec(raw) : null;
		if (explain) {
			item.explanation.push(explain[1]);
			mode = 'explanation';
		} else if (answer) {
			if (item.answer) errors.push({ line, message: m.import_two_answers() });
			else item.answer = { text: answer[1], line };
			mode = 'answer';
		} else if (option) {
			item.options.push({ key: option[1].toUpperCase(), text: option[2].trim(), line });
			mode = 'options';
		} else if (mode === 'explanation') {
			item.explanation.push(raw);
			if (!raw.trim()) blankSinceList = true;
		} else if (!raw.trim()) {
			continue;
		} else if (ONLY_BRACKETS_RE.test(raw) && mode !== 'answer') {
			for (const g of raw.matchAll(BRACKET_RE)) item.looseGroups.push(g[1]);
		} else if (mode === 'answer' && item.answer) {
			item.answer.text += '\n' + raw;
		} else if (mode === 'options') {
			const last = item.options[item.options.length - 1];
			last.text += '\n' + raw.trim();
		} else {
			item.stem.push(raw);
		}
	}

	const questions: ImportResult['questions'] = [];
	for (const raw of items) {
		const built = buildQuestion(raw);
		if ('errors' in built) errors.push(...built.errors);
		else questions.push({ ...built.question, line: raw.line });
	}
	errors.sort((a, b) => a.line - b.line);
	return { questions, errors };
}

/** Work out an item's type from what it holds, check it, and build the question (or say what is wrong, by line). */
export function buildQuestion(raw: RawItem): { question: QuestionDraft } | { errors: ImportError[] } {
	const errors: ImportError[] = [];
	const fail = (message: string, line = raw.line) => errors.push({ line, message: m.import_item_error({ number: raw.number, reason: message }) });

	// Bracket groups anywhere in the stem are flags, answers or blank alternatives.
	const stemText = raw.stem.join('\n');
	const groups = [...[...stemText.matchAll(BRACKET_RE)].map((g) => g[1]), ...raw.looseGroups];
	const hasOptions = raw.options.length > 0;
	const blankCount = (stemText.match(BLANK_RE) ?? []).length;

	let points: number | null = null;
	let difficulty = DEFAULT_DIFFICULTY;
	let tags: string[] = [];
	let source = '';
	let validUntil: string | null = null;
	let typeFlag: QuestionType | null = null;
	let orderFree = false;
	let caseInsensitive = false;
	const letterGroups: string[] = [];
	const judgeGroups: string[] = [];
	const fillGroups: string[][] = [];
	for (const group of groups) {
		const g = group.trim();
		const pts = /^(\d+(?:\.\d)?)\s*分$/.exec(g);
		const meta = META_RE.exec(g);
		if (pts) points = Number(pts[1]);
		else if (meta) {
			const value = meta[2].trim();
			if (meta[1] === '难度') {
				if (/^[1-5]$/.test(value)) difficulty = Number(value);
				else fail(m.import_bad_difficulty({ value }));
			} else if (meta[1] === '标签') tags = splitTags(value);
			else if (meta[1] === '来源') source = value;
			else if (isIsoDate(value)) validUntil = value;
			else fail(m.import_bad_valid_until({ value }));
		} else if (TYPE_FLAGS[g]) typeFlag = TYPE_FLAGS[g];
		else if (g === '答案无顺序') orderFree = true;
		else if (g === '不区分大小写') caseInsensitive = true;
		else if (hasOptions && /^[A-Ha-h]+$/.test(g)) letterGroups.push(g.toUpperCase());
		else if (!hasOptions && blankCount === 0 && judgeValue(g)) judgeGroups.push(g);
		else fillGroups.push(splitAlternatives(g));
	}
	const stem = stemText.replace(BRACKET_RE, '').replace(BLANK_RE, BLANK).trim();
	if (!stem) fail(m.import_no_stem());
	if (points !== null && (points <= 0 || points > 100)) fail(m.import_bad_points());

	const answerText = raw.answer?.text.trim() ?? '';
	// A type mark wins; else options make a choice question (one answer letter: 单选), blanks a 填空, a
	// true/false answer a 判断. 简答 is only ever marked, so anything else cannot be told.
	const guessed: QuestionType | null = hasOptions
		? letters(answerText || letterGroups.join('')).length > 1
			? 'multiple'
			: 'single'
		: blankCount > 0
			? 'fill'
			: judgeGroups.length || judgeValue(answerText)
				? 'judge'
				: null;
	const type = typeFlag ?? guessed;
	if (!type) {
		fail(m.import_unknown_type());
		return { errors };
	}

	const q: QuestionDraft = {
		type,
		stem,
		options: [],
		answer: [],
		blanks: [],
		orderFree,
		caseInsensitive,
		reference: '',
		explanation: raw.explanation.join('\n').trim(),
		points,
		tags,
		difficulty,
		source,
		validUntil
	};

	if (type === 'single' || type === 'multiple') {
		raw.options.forEach((o, i) => {
			if (o.key !== String.fromCharCode(65 + i)) fail(m.import_option_order({ key: o.key }), o.line);
		});
		if (raw.options.length < 2) fail(m.import_few_options());
		q.options = raw.options.map(({ key, text }) => ({ key, text }));
		const given = answerText ? letters(answerText) : letters(letterGroups.join(''));
		if (answerText && !/^[A-Ha-h\s,，、;；]+$/.test(answerText)) fail(m.import_bad_choice_answer({ answer: answerText }), raw.answer!.line);
		else if (given.length === 0) fail(m.import_no_answer());
		for (const key of given) if (!q.options.some((o) => o.key === key)) fail(m.import_answer_not_option({ key }), raw.answer?.line);
		if (type === 'single' && given.length > 1) fail(m.import_single_many());
		q.answer = given;
	} else if (type === 'judge') {
		if (hasOptions) fail(m.import_judge_options());
		const value = judgeValue(answerText || judgeGroups[0] || '');
		if (!value) fail(answerText ? m.import_bad_judge_answer({ answer: answerText }) : m.import_no_answer(), raw.answer?.line);
		else q.answer = [value];
	} else if (type === 'fill') {
		const fromAnswer = answerText ? fillAnswerGroups(answerText) : [];
		q.blanks = fromAnswer.length ? fromAnswer : fillGroups;
		if (blankCount === 0) fail(m.import_fill_no_blank());
		else if (q.blanks.length === 0) fail(m.import_no_answer());
		else if (q.blanks.length !== blankCount) fail(m.import_fill_count({ blanks: blankCount, groups: q.blanks.length }));
	} else {
		q.reference = answerText;
	}
	return errors.length ? { errors } : { question: q };
}

/** `[难度3]`, `[标签：党章 党员]`, `[来源：党章第一章]`, `[有效期至2027-12-31]`; a colon is optional. */
const META_RE = /^(难度|标签|来源|有效期至)\s*[:：]?\s*(.*)$/s;

export const splitTags = (s: string) => [...new Set(s.split(/[\s,，、;；]+/).map((t) => t.trim()).filter(Boolean))];

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
	if (!match) return false;
	const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
	return d.getUTCFullYear() === Number(match[1]) && d.getUTCMonth() === Number(match[2]) - 1 && d.getUTCDate() === Number(match[3]);
}

const letters = (s: string) => [...new Set(s.toUpperCase().replace(/[^A-H]/g, '').split('').filter(Boolean))].sort();

/** `答案：[a b][c]`, or `答案：a/b；c` (blanks split on ；, alternatives on / or |). */
function fillAnswerGroups(text: string): string[][] {
	const brackets = [...text.matchAll(BRACKET_RE)].map((g) => splitAlternatives(g[1]));
	if (brackets.length) return brackets;
	return text
		.split(/[；;]/)
		.map((part) => part.split(/[/／|｜]/).map((a) => a.trim()).filter(Boolean))
		.filter((alts) => alts.length);
}

