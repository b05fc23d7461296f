import type { Db } from '../db/client';
import { toXlsx } from '../xlsx';
import { bankForManagement } from './bank-service';
import { questionRepo } from './question-repo';
import { parseQuestionText } from '$lib/shared/quiz/parse-text';
import { toTable } from '$lib/shared/quiz/parse-table';
import type { Actor } from '$lib/shared/roles';

/** A bank as an Excel workbook with the template's columns: importing it gives the same questions back. */
export async function exportBankXlsx(db: Db, actor: Actor, bankId: string): Promise<{ name: string; bytes: Uint8Array }> {
	const bank = await bankForManagement(db, actor, bankId);
	const all = await questionRepo(db).all(bankId);
	const [header, ...rows] = toTable(all);
	return { name: bank.name, bytes: await toXlsx(bank.name, header, rows) };
}

const EXAMPLES = `1. 党的根本宗旨是（ ）。[2分][难度1][标签：党章 宗旨]
A. 全心全意为人民服务
B. 实现共产主义
答案：A
解析：党章总纲。

2. “三会一课”中的“三会”包括（ ）。[标签：三会一课]
A. 支部党员大会
B. 支部委员会会议
C. 党小组会
D. 民主生活会
答案：ABC
解析：民主生活会是党员领导干部参加的会议。

3. 预备党员的预备期为一年。[对][有效期至2030-12-31]
解析：党章第七条。

4. _____是党的基础组织。[党支部 支部]
解析：可接受的写法用空格分开，多个空各用一对方括号。

5. 谈谈你参加主题党日的体会。[简答][10分]
答案：参考要点：……
`;

/** The import template: the columns, and one example row per type. */
export async function templateXlsx(): Promise<Uint8Array> {
	const [header, ...rows] = toTable(parseQuestionText(EXAMPLES).questions);
	return toXlsx('题目', header, rows);
}
