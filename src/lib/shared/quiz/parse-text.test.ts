import { describe, expect, it } from 'vitest';
import { parseQuestionText } from './parse-text';

const GOOD = `1. 中国共产党的最高理想和最终目标是（ ）。[A]
A. 实现共产主义
B. 全面建成小康社会
C. 实现社会主义现代化
D. 建设社会主义市场经济
解析：党章总纲规定，党的最高理想和最终目标是实现共产主义。

2、党员的权利包括（ ）。
A．参加党的有关会议
B、在党的会议上参加讨论
C。对党的工作提出建议
D：领导本支部工作
正确答案：ABC
[解析]党章第四条规定了党员的权利，
领导支部工作不属于普通党员的权利。

3. 党员必须履行的第一项义务是认真学习马克思列宁主义。[√]

4. 预备党员的预备期为两年。
答案：错
解析：预备期为一年。

5. 党的基层组织包括基层委员会、总支部委员会和_____委员会。[支部 党支部][2分]

6. 党的三大优良作风是理论联系实际、__________、批评与自我批评。
答案：密切联系群众/联系群众

7. 请谈谈你对“不忘初心、牢记使命”的理解。[简答][10分]
答案：结合学习与工作实际，谈初心使命的内涵与践行。

8. 写出两种密级：_____、_____。[答案无顺序][不区分大小写]
答案：[绝密][机密 秘密]
`;

describe('plain-text question import', () => {
	it('reads every type with full- and half-width punctuation, multi-line explanations and flags', () => {
		const { questions, errors } = parseQuestionText(GOOD);
		expect(errors).toEqual([]);
		expect(questions.map((q) => [q.line, q.type])).toEqual([
			[1, 'single'],
			[8, 'multiple'],
			[17, 'judge'],
			[19, 'judge'],
			[23, 'fill'],
			[25, 'fill'],
			[28, 'essay'],
			[31, 'fill']
		]);
		const [single, multiple, judgeTrue, judgeFalse, fill1, fill2, essay, fill3] = questions;
		expect(single.stem).toBe('中国共产党的最高理想和最终目标是（ ）。');
		expect(single.options.map((o) => o.key)).toEqual(['A', 'B', 'C', 'D']);
		expect(single.answer).toEqual(['A']);
		expect(single.explanation).toBe('党章总纲规定，党的最高理想和最终目标是实现共产主义。');
		expect(multiple.answer).toEqual(['A', 'B', 'C']);
		expect(multiple.options[3].text).toBe('领导本支部工作');
		expect(multiple.explanation).toBe('党章第四条规定了党员的权利，\n领导支部工作不属于普通党员的权利。');
		expect(judgeTrue.answer).toEqual(['true']);
		expect(judgeTrue.stem).toBe('党员必须履行的第一项义务是认真学习马克思列宁主义。');
		expect(judgeFalse.answer).toEqual(['false']);
		expect(fill1.blanks).toEqual([['支部', '党支部']]);
		expect(fill1.points).toBe(2);
		expect(fill1.stem).toBe('党的基层组织包括基层委员会、总支部委员会和_____委员会。');
		expect(fill2.blanks).toEqual([['密切联系群众', '联系群众']]);
		expect(essay.points).toBe(10);
		expect(essay.reference).toBe('结合学习与工作实际，谈初心使命的内涵与践行。');
		expect(fill3).toMatchObject({ orderFree: true, caseInsensitive: true, blanks: [['绝密'], ['机密', '秘密']] });
	});

	it('reports each broken item with its line and a reason, and keeps the good ones', () => {
		const text = `党章知识题库
1. 党的根本宗旨是（ ）。
A. 全心全意为人民服务
B. 实现共产主义
2. 没有答案的题（ ）。
A. 甲
B. 乙
3. 答案不在选项里（ ）。
A. 甲
B. 乙
答案：E
4. 单选两个答案（ ）。[单选]
A. 甲
B. 乙
答案：AB
5. 选项乱序（ ）。
A. 甲
C. 丙
答案：A
6. 填空题的空数不对_____。
答案：一；二
7. 判断题答案不对。
答案：也许吧
8. 没有任何答案的陈述句。
`;
		const { questions, errors } = parseQuestionText(text);
		expect(questions).toHaveLength(0);
		expect(errors).toEqual([
			{ line: 1, message: '这一行不属于任何题目（题目应以“1.”或“1、”开头）' },
			{ line: 2, message: '第 1 题：没有答案' },
			{ line: 5, message: '第 2 题：没有答案' },
			{ line: 11, message: '第 3 题：答案 E 不在选项中' },
			{ line: 12, message: '第 4 题：单选题只能有一个答案' },
			{ line: 18, message: '第 5 题：选项 C 的位置不对，选项应从 A 起依次排列' },
			{ line: 20, message: '第 6 题：有 1 个空，但给出了 2 组答案' },
			{ line: 22, message: '第 7 题：无法判断题型：没有选项、填空横线、判断答案，也没有标注[简答]' },
			{ line: 24, message: '第 8 题：无法判断题型：没有选项、填空横线、判断答案，也没有标注[简答]' }
		]);
	});

	it('imports the valid items of a file with one broken item', () => {
		const text = GOOD + `9. 坏题（ ）。\nA. 甲\nB. 乙\n答案：Z\n`;
		const { questions, errors } = parseQuestionText(text);
		expect(questions).toHaveLength(8);
		expect(errors).toEqual([{ line: 36, message: '第 9 题：答案“Z”应为选项字母，如 A 或 ABD' }]);
	});

	it('ends a numbered list in an explanation at a blank line before the next question', () => {
		const text = `1. 党的组织原则是民主集中制。[√]\n解析：要点：\n1. 个人服从组织\n\n2. 党课每季度至少一次。[对]\n`;
		const { questions, errors } = parseQuestionText(text);
		expect(errors).toEqual([]);
		expect(questions.map((q) => q.line)).toEqual([1, 5]);
	});

	it('does not take a numbered list inside an explanation for new questions', () => {
		const text = `1. 三会一课中的“三会”包括党小组会。[√]\n解析：三会是：\n1. 支部党员大会\n2. 支委会\n3. 党小组会\n2. 党课每季度至少一次。[对]\n`;
		const { questions, errors } = parseQuestionText(text);
		expect(errors).toEqual([]);
		expect(questions).toHaveLength(2);
		expect(questions[0].explanation).toBe('三会是：\n1. 支部党员大会\n2. 支委会\n3. 党小组会');
		expect(questions[1].line).toBe(6);
	});

	it('does not mistake a decimal at the start of a line for a question number', () => {
		const { questions } = parseQuestionText(`1. 下列说法正确的是（ ）。\n1.5 倍于去年的说法\nA. 甲\nB. 乙\n答案：B\n`);
		expect(questions[0].stem).toBe('下列说法正确的是（ ）。\n1.5 倍于去年的说法');
	});

	it('reports an empty file as having nothing, not as an error per line', () => {
		expect(parseQuestionText('\n\n')).toEqual({ questions: [], errors: [] });
	});

	it('reads difficulty, tags, source and valid-until flags, and reports bad ones on the item line', () => {
		const text = `1. 党的最高理想是共产主义。[对][难度2][标签：党章 总纲][来源：党章总纲][有效期至2030-06-30]\n\n2. 坏难度。[对][难度9]\n3. 坏日期。[错][有效期至2027-02-30]\n`;
		const { questions, errors } = parseQuestionText(text);
		expect(questions).toHaveLength(1);
		expect(questions[0]).toMatchObject({ difficulty: 2, tags: ['党章', '总纲'], source: '党章总纲', validUntil: '2030-06-30' });
		expect(errors).toEqual([
			{ line: 3, message: '第 2 题：难度“9”应为 1 到 5 的整数' },
			{ line: 4, message: '第 3 题：有效期“2027-02-30”应为日期，如 2027-12-31' }
		]);
	});

	it('gives a question without flags difficulty 3, no tags and no expiry', () => {
		expect(parseQuestionText('1. 题。[对]\n').questions[0]).toMatchObject({ difficulty: 3, tags: [], source: '', validUntil: null });
	});
});
