import { m } from '$lib/paraglide/messages';
import { formatBlankGroup } from './format-text';
import { buildQuestion, type RawItem } from './parse-text';
import { MAX_IMPORT_ITEMS, type ImportError, type ImportResult, type QuestionDraft } from './types';

/**
 * Spreadsheet rows (Excel or CSV) with the template's columns: 题型, 题干, 选项A–H, 答案, 解析, 分值,
 * 难度, 标签, and optionally 来源 and 有效期至. Each row becomes an item checked by the same rules
 * as the plain-text format; errors carry the row number as the spreadsheet shows it.
 */
export const TABLE_COLUMNS = ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '选项G', '选项H', '答案', '解析', '分值', '难度', '标签', '来源', '有效期至'] as const;
const REQUIRED = ['题干', '答案'] as const;
const OPTION_KEYS = 'ABCDEFGH'.split('');
const TYPE_WORDS: Record<string, string> = { 单选: '单选', 单选题: '单选', 多选: '多选', 多选题: '多选', 判断: '判断', 判断题: '判断', 填空: '填空', 填空题: '填空', 简答: '简答', 简答题: '简答', 主观题: '简答' };

/** `rows[0]` is the header row; row numbers in errors count from 1 as spreadsheets do. */
export function parseTable(rows: string[][]): ImportResult {
	const header = (rows[0] ?? []).map((h) => h.trim().replace(/^选项\s*/, '选项').replace(/\s+/g, ''));
	const col = (name: string) => header.indexOf(name);
	const missing = REQUIRED.filter((c) => col(c) < 0);
	if (missing.length) return { questions: [], errors: [{ line: 1, message: m.import_table_header({ columns: missing.join('、') }) }] };

	const questions: ImportResult['questions'] = [];
	const errors: ImportError[] = [];
	let number = 0;
	for (let r = 1; r < rows.length; r++) {
		const line = r + 1;
		const cell = (name: string) => (col(name) >= 0 ? (rows[r][col(name)] ?? '').trim() : '');
		if (rows[r].every((c) => !c.trim())) continue;
		if (++number > MAX_IMPORT_ITEMS) return { questions: [], errors: [{ line, message: m.import_too_many({ max: MAX_IMPORT_ITEMS }) }] };
		const typeWord = cell('题型');
		const flags: string[] = [];
		if (typeWord) {
			if (!TYPE_WORDS[typeWord]) {
				errors.push({ line, message: m.import_item_error({ number, reason: m.import_table_type({ type: typeWord }) }) });
				continue;
			}
			flags.push(TYPE_WORDS[typeWord]);
		}
		if (cell('分值')) flags.push(`${cell('分值')}分`);
		if (cell('难度')) flags.push(`难度${cell('难度')}`);
		if (cell('标签')) flags.push(`标签：${cell('标签')}`);
		if (cell('来源')) flags.push(`来源：${cell('来源')}`);
		if (cell('有效期至')) flags.push(`有效期至${cell('有效期至')}`);
		const answer = cell('答案');
		const raw: RawItem = {
			line,
			number,
			stem: [cell('题干')],
			options: OPTION_KEYS.map((key) => ({ key, text: cell(`选项${key}`), line })).filter((o) => o.text),
			answer: answer ? { text: answer, line } : null,
			explanation: cell('解析') ? [cell('解析')] : [],
			looseGroups: flags
		};
		const built = buildQuestion(raw);
		if ('errors' in built) errors.push(...built.errors);
		else questions.push({ ...built.question, line });
	}
	return { questions, errors };
}

/** Questions as table rows (header first), so that parseTable gives them back. */
export function toTable(questions: QuestionDraft[]): string[][] {
	const TYPE = { single: '单选', multiple: '多选', judge: '判断', fill: '填空', essay: '简答' };
	const rows = questions.map((q) => {
		const option = (key: string) => q.options.find((o) => o.key === key)?.text ?? '';
		const answer =
			q.type === 'judge'
				? q.answer[0] === 'true'
					? '对'
					: '错'
				: q.type === 'fill'
					? q.blanks.map(formatBlankGroup).join('')
					: q.type === 'essay'
						? q.reference
						: q.answer.join('');
		const stem = q.stem + (q.orderFree ? '[答案无顺序]' : '') + (q.caseInsensitive ? '[不区分大小写]' : '');
		return [TYPE[q.type], stem, ...OPTION_KEYS.map(option), answer, q.explanation, q.points === null ? '' : String(q.points), String(q.difficulty), q.tags.join(' '), q.source, q.validUntil ?? ''];
	});
	return [[...TABLE_COLUMNS], ...rows];
}
