import { m } from '$lib/paraglide/messages';
import { BLANK, buildQuestion, type RawItem } from './parse-text';
import { MAX_IMPORT_ITEMS, type ImportError, type ImportResult } from './types';

/**
 * Moodle GIFT, the kinds that map onto ours: multiple choice (`=right ~wrong`, or `~%50%` weights for
 * several right answers), true/false (`{T}` `{F}`), short answer (`{=a =b}`, a 填空 whose blank sits
 * where the braces were) and essay (`{}`). `####text` is the explanation; per-answer `#feedback`,
 * `::titles::`, `// comments` and `$CATEGORY:` lines are dropped. Matching and numeric are refused.
 */
const unescape = (s: string) => s.replace(/\\([~=#{}:])/g, '$1').replace(/\\n/g, '\n').trim();

/** Split at unescaped occurrences of the characters in `chars`, keeping the character that starts each part. */
function splitMarked(body: string, chars: string): string[] {
	const parts: string[] = [];
	let current = '';
	for (let i = 0; i < body.length; i++) {
		if (body[i] === '\\') {
			current += body[i] + (body[i + 1] ?? '');
			i++;
		} else if (chars.includes(body[i])) {
			if (current.trim()) parts.push(current);
			current = body[i];
		} else current += body[i];
	}
	if (current.trim()) parts.push(current);
	return parts;
}

/** The first unescaped `{ … }`: where it starts and ends. */
function braces(text: string): [number, number] | null {
	let open = -1;
	for (let i = 0; i < text.length; i++) {
		if (text[i] === '\\') i++;
		else if (text[i] === '{' && open < 0) open = i;
		else if (text[i] === '}' && open >= 0) return [open, i];
	}
	return null;
}

export function parseGift(text: string): ImportResult {
	const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	const blocks: { line: number; text: string }[] = [];
	let current: { line: number; parts: string[] } | null = null;
	for (const [i, raw] of lines.entries()) {
		const t = raw.trim();
		if (t.startsWith('//') || t.startsWith('$CATEGORY:')) continue;
		if (!t) {
			if (current) blocks.push({ line: current.line, text: current.parts.join('\n') });
			current = null;
		} else if (current) current.parts.push(raw);
		else current = { line: i + 1, parts: [raw] };
	}
	if (current) blocks.push({ line: current.line, text: current.parts.join('\n') });

	const questions: ImportResult['questions'] = [];
	const errors: ImportError[] = [];
	for (const [index, block] of blocks.entries()) {
		const number = index + 1;
		if (number > MAX_IMPORT_ITEMS) return { questions: [], errors: [{ line: block.line, message: m.import_too_many({ max: MAX_IMPORT_ITEMS }) }] };
		const fail = (reason: string) => errors.push({ line: block.line, message: m.import_item_error({ number, reason }) });
		const body = block.text.replace(/^\s*::.*?::/s, '').replace(/^\s*\[(html|markdown|plain|moodle)\]/, '');
		const span = braces(body);
		if (!span) {
			fail(m.import_gift_braces());
			continue;
		}
		const before = unescape(body.slice(0, span[0]));
		const after = unescape(body.slice(span[1] + 1));
		let inside = body.slice(span[0] + 1, span[1]);
		let explanation = '';
		const general = inside.indexOf('####');
		if (general >= 0) {
			explanation = unescape(inside.slice(general + 4));
			inside = inside.slice(0, general);
		}
		const raw: RawItem = { line: block.line, number, stem: [], options: [], answer: null, explanation: explanation ? [explanation] : [], looseGroups: [] };
		const answers = splitMarked(inside.trim(), '=~').map((p) => ({ mark: p[0], text: unescape(p.slice(1).replace(/(?<!\\)#.*$/s, '')) }));
		const tf = /^(T|TRUE|F|FALSE)(\s*#.*)?$/is.exec(inside.trim());
		if (inside.includes('->') || inside.trim().startsWith('#')) {
			fail(m.import_gift_unsupported());
			continue;
		} else if (!inside.trim()) {
			raw.stem = [[before, after].filter(Boolean).join(' ')];
			raw.looseGroups = ['简答'];
		} else if (tf) {
			raw.stem = [[before, after].filter(Boolean).join(' ')];
			raw.looseGroups = ['判断', /^T/i.test(tf[1]) ? '对' : '错'];
		} else if (answers.some((a) => a.mark === '~')) {
			raw.stem = [[before, after].filter(Boolean).join(' ')];
			const right: string[] = [];
			answers.forEach((a, i) => {
				const weight = /^%(-?\d+(?:\.\d+)?)%/.exec(a.text);
				const key = String.fromCharCode(65 + i);
				raw.options.push({ key, text: weight ? a.text.slice(weight[0].length).trim() : a.text, line: block.line });
				if (a.mark === '=' || (weight && Number(weight[1]) > 0)) right.push(key);
			});
			raw.answer = { text: right.join(''), line: block.line };
			raw.looseGroups = [right.length > 1 ? '多选' : '单选'];
		} else {
			// Short answer: the accepted answers fill one blank, where the braces stood (or at the end).
			raw.stem = [`${before}${BLANK}${after}`];
			raw.answer = { text: `[${answers.map((a) => a.text.replace(/^%\d+%/, '')).join('|')}|]`, line: block.line };
			raw.looseGroups = ['填空'];
		}
		const built = buildQuestion(raw);
		if ('errors' in built) errors.push(...built.errors);
		else questions.push({ ...built.question, line: block.line });
	}
	return { questions, errors };
}
