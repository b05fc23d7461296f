import { describe, expect, it } from 'vitest';
import { parseAiken } from './parse-aiken';
import { csvField, parseCsv } from './parse-csv';
import { parseGift } from './parse-gift';
import { parseTable, TABLE_COLUMNS, toTable } from './parse-table';
import { parseQuestionText } from './parse-text';

const header = [...TABLE_COLUMNS];
const row = (cells: Partial<Record<(typeof TABLE_COLUMNS)[number], string>>) => header.map((h) => cells[h] ?? '');

describe('spreadsheet rows (Excel and CSV)', () => {
	it('read every type from the template’s columns, with meta', () => {
		const { questions, errors } = parseTable([
			header,
			row({ 题型: '单选', 题干: '党的根本宗旨是（ ）。', 选项A: '全心全意为人民服务', 选项B: '实现共产主义', 答案: 'A', 解析: '见党章。', 分值: '2', 难度: '1', 标签: '党章 宗旨' }),
			row({ 题型: '多选题', 题干: '三会包括（ ）。', 选项A: '支部党员大会', 选项B: '支委会', 选项C: '党小组会', 选项D: '民主生活会', 答案: 'A,B,C' }),
			row({ 题型: '判断', 题干: '预备期为一年。', 答案: '对', 有效期至: '2030-12-31' }),
			row({ 题型: '填空', 题干: '_____是党的基础组织。', 答案: '党支部/支部' }),
			row({ 题型: '简答', 题干: '谈谈体会。', 答案: '结合实际。', 分值: '10' })
		]);
		expect(errors).toEqual([]);
		expect(questions.map((q) => q.type)).toEqual(['single', 'multiple', 'judge', 'fill', 'essay']);
		expect(questions[0]).toMatchObject({ answer: ['A'], points: 2, difficulty: 1, tags: ['党章', '宗旨'], explanation: '见党章。', line: 2 });
		expect(questions[1].answer).toEqual(['A', 'B', 'C']);
		expect(questions[2]).toMatchObject({ answer: ['true'], validUntil: '2030-12-31' });
		expect(questions[3].blanks).toEqual([['党支部', '支部']]);
		expect(questions[4]).toMatchObject({ reference: '结合实际。', points: 10 });
	});

	it('report bad rows by their row number and keep the good ones', () => {
		const { questions, errors } = parseTable([
			header,
			row({ 题型: '单选', 题干: '好题（ ）。', 选项A: '甲', 选项B: '乙', 答案: 'B' }),
			row({}),
			row({ 题型: '单选', 题干: '答案不在选项里（ ）。', 选项A: '甲', 选项B: '乙', 答案: 'E' }),
			row({ 题型: '问答', 题干: '奇怪的题型', 答案: 'x' })
		]);
		expect(questions).toHaveLength(1);
		expect(errors).toEqual([
			{ line: 4, message: '第 2 题：答案 E 不在选项中' },
			{ line: 5, message: '第 3 题：题型“问答”应为 单选、多选、判断、填空 或 简答' }
		]);
	});

	it('refuse a sheet without the template’s header', () => {
		expect(parseTable([['question', 'answer']]).errors).toEqual([{ line: 1, message: '第一行应为表头，缺少：题干、答案（请用下载的模板）' }]);
	});

	it('give back the same questions after export and import', () => {
		const text = `1. 单选（ ）。[A][2分][难度4][标签：甲 乙]\nA. 对的\nB. 错的\n解析：第一行\n第二行\n\n2. _____与_____。[学习 工作|][教育][答案无顺序][不区分大小写]\n\n3. 判断。[错][有效期至2029-01-01][来源：条例]\n\n4. 简答。[简答]\n答案：参考\n`;
		const original = parseQuestionText(text).questions.map(({ line: _l, ...q }) => q);
		const back = parseTable(toTable(original));
		expect(back.errors).toEqual([]);
		expect(back.questions.map(({ line: _l, ...q }) => q)).toEqual(original);
	});
});

describe('CSV', () => {
	it('reads quoted fields with commas, quotes and line breaks, and a BOM', () => {
		const text = '\uFEFF题干,答案\r\n"甲,乙","他说""好""\n第二行"\r\n丙,丁\r\n';
		expect(parseCsv(text)).toEqual([
			['题干', '答案'],
			['甲,乙', '他说"好"\n第二行'],
			['丙', '丁']
		]);
		expect(parseCsv(['a,b', '"c"'].map(csvField).join(','))).toEqual([['a,b', '"c"']]);
	});
});

describe('Aiken', () => {
	it('reads single-choice questions and reports one without an ANSWER line', () => {
		const { questions, errors } = parseAiken('党的最高理想是？\nA. 共产主义\nB) 小康社会\nANSWER: A\n\n没有答案的题\nA. 甲\nB. 乙\n');
		expect(questions).toEqual([expect.objectContaining({ type: 'single', stem: '党的最高理想是？', answer: ['A'], line: 1 })]);
		expect(errors).toEqual([{ line: 6, message: '第 2 题：缺少“ANSWER: 字母”一行' }]);
	});
});

describe('GIFT', () => {
	it('reads choice, weighted multiple, true/false, short answer and essay, with explanations', () => {
		const text = [
			'// 注释',
			'::Q1:: 党的根本宗旨是 {=全心全意为人民服务 ~实现共产主义 #不对 ~发展经济 ####见党章总纲。}',
			'',
			'三会包括 {~%50%支部党员大会 ~%50%支委会 ~%-100%民主生活会}',
			'',
			'预备期为一年。{T}',
			'',
			'党的基础组织是 {=党支部 =支部} 。',
			'',
			'谈谈体会。{}'
		].join('\n');
		const { questions, errors } = parseGift(text);
		expect(errors).toEqual([]);
		expect(questions.map((q) => q.type)).toEqual(['single', 'multiple', 'judge', 'fill', 'essay']);
		expect(questions[0]).toMatchObject({ stem: '党的根本宗旨是', answer: ['A'], explanation: '见党章总纲。', line: 2 });
		expect(questions[0].options.map((o) => o.text)).toEqual(['全心全意为人民服务', '实现共产主义', '发展经济']);
		expect(questions[1].answer).toEqual(['A', 'B']);
		expect(questions[2].answer).toEqual(['true']);
		expect(questions[3]).toMatchObject({ stem: '党的基础组织是_____。', blanks: [['党支部', '支部']] });
	});

	it('refuses matching questions and items without braces, by line', () => {
		const { errors } = parseGift('配对 {=甲 -> 乙 =丙 -> 丁}\n\n没有答案的题\n');
		expect(errors).toEqual([
			{ line: 1, message: '第 1 题：不支持的 GIFT 题型（匹配题、数值题等）' },
			{ line: 3, message: '第 2 题：缺少用花括号括起的答案部分' }
		]);
	});
});
