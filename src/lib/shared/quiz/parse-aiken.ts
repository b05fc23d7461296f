import { m } from '$lib/paraglide/messages';
import { buildQuestion, type RawItem } from './parse-text';
import { MAX_IMPORT_ITEMS, type ImportError, type ImportResult } from './types';

const OPTION_RE = /^\s*([A-Z])\s*[.)．、]\s*(.*)$/;
const ANSWER_RE = /^\s*ANSWER\s*[:：]\s*([A-Z])\s*$/i;

/** Moodle's Aiken format: single-choice only; the question, options `A.` or `A)`, then `ANSWER: B`; blank lines between. */
export function parseAiken(text: string): ImportResult {
	const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	const questions: ImportResult['questions'] = [];
	const errors: ImportError[] = [];
	let item: RawItem | null = null;
	let number = 0;
	const close = () => {
		if (!item) return;
		if (!item.answer) errors.push({ line: item.line, message: m.import_item_error({ number: item.number, reason: m.import_aiken_answer() }) });
		else {
			const built = buildQuestion(item);
			if ('errors' in built) errors.push(...built.errors);
			else questions.push({ ...built.question, line: item.line });
		}
		item = null;
	};
	for (const [i, raw] of lines.entries()) {
		const line = i + 1;
		if (!raw.trim()) continue;
		if (!item) {
			if (++number > MAX_IMPORT_ITEMS) return { questions: [], errors: [{ line, message: m.import_too_many({ max: MAX_IMPORT_ITEMS }) }] };
			item = { line, number, stem: [raw.trim()], options: [], answer: null, explanation: [], looseGroups: ['单选'] };
			continue;
		}
		const answer = ANSWER_RE.exec(raw);
		const option = OPTION_RE.exec(raw);
		if (answer) {
			item.answer = { text: answer[1].toUpperCase(), line };
			close();
		} else if (option) item.options.push({ key: option[1], text: option[2].trim(), line });
		else if (item.options.length === 0) item.stem.push(raw.trim());
		else item.options[item.options.length - 1].text += '\n' + raw.trim();
	}
	close();
	return { questions, errors: errors.sort((a, b) => a.line - b.line) };
}
