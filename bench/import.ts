/**
 * npm run bench:import — parse and store a generated 10,000-question text file through the import
 * service (duplicate check included), then insert the same rows straight into SQLite as the ceiling.
 * One JSON line. Target ≤ 2 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeDatabase, openDatabase, type Db } from '../src/lib/server/db/client';
import { peopleRepo } from '../src/lib/server/people/repo';
import { createBank } from '../src/lib/server/quiz/bank-service';
import { questionRepo } from '../src/lib/server/quiz/question-repo';
import { importIntoBank } from '../src/lib/server/quiz/question-service';
import { uuidv7 } from '../src/lib/shared/id';
import { normaliseStem } from '../src/lib/shared/quiz/normalise-stem';
import { parseQuestionText } from '../src/lib/shared/quiz/parse-text';
import type { Actor } from '../src/lib/shared/roles';
import { round } from './lib';

const QUESTIONS = 10_000;

/** A file as admins write them: the five types in turn, with explanations, tags and some flags. */
function generate(n: number, salt: string): string {
	const out: string[] = [];
	for (let i = 1; i <= n; i++) {
		const stem = `第${i}题（${salt}）关于党支部工作的说法`;
		switch (i % 5) {
			case 0:
				out.push(`${i}. ${stem}，正确的是（ ）。[标签：党章 支部][难度2]\nA. 选项甲${i}\nB. 选项乙${i}\nC. 选项丙${i}\nD. 选项丁${i}\n答案：B\n解析：第${i}题的解析，说明为什么选乙。`);
				break;
			case 1:
				out.push(`${i}、${stem}，正确的有（ ）。\nA．甲\nB．乙\nC．丙\nD．丁\n正确答案：ACD\n[解析]多选题的解析。`);
				break;
			case 2:
				out.push(`${i}. ${stem}是对的。[√][3分]\n解析：判断题的解析。`);
				break;
			case 3:
				out.push(`${i}. ${stem}：_____是党的基础组织，_____每月召开一次。[党支部 支部][党小组会][答案无顺序]\n解析：填空题的解析。`);
				break;
			default:
				out.push(`${i}. ${stem}，请简述理由。[简答][10分]\n答案：参考答案第${i}条。\n解析：简答题的解析。`);
		}
	}
	return out.join('\n\n') + '\n';
}

async function setUp(db: Db): Promise<Actor> {
	const now = Date.now();
	const people = peopleRepo(db);
	const committee = await people.insertOrgUnit({ id: uuidv7(now), parentId: null, kind: 'committee', name: '基准党委', now });
	const branch = await people.insertOrgUnit({ id: uuidv7(now + 1), parentId: committee.id, kind: 'branch', name: '基准支部', now });
	const userId = uuidv7(now + 2);
	await people.insertUser({ id: userId, phone: '13900000000', name: '基准管理员', passwordHash: 'x', branchId: branch.id, adminOf: committee.id, createdAt: now, updatedAt: now });
	return { userId, branchId: branch.id, branchPath: branch.path, secretaryOf: null, adminOf: { id: committee.id, path: committee.path } };
}

async function newBank(db: Db, actor: Actor, name: string): Promise<string> {
	const r = await createBank(db, actor, { name, track: 'political', purpose: 'exam', ownerUnitId: actor.adminOf!.id, partialCredit: 0.5 });
	if (!r.ok) throw new Error(r.message);
	return r.id;
}

async function main() {
	const dir = mkdtempSync(join(tmpdir(), 'xianfeng-bench-import-'));
	const db = openDatabase(join(dir, 'bench.db'));
	try {
		const actor = await setUp(db);
		// Warm the parser and the statements up first, as a running server would be.
		await importIntoBank(db, actor, await newBank(db, actor, '预热'), 'text', new TextEncoder().encode(generate(1000, 'warm')), { mode: 'all', keepDuplicates: false });

		const file = new TextEncoder().encode(generate(QUESTIONS, 'bench'));
		const bankId = await newBank(db, actor, '导入');
		const t0 = performance.now();
		const r = await importIntoBank(db, actor, bankId, 'text', file, { mode: 'all', keepDuplicates: false });
		const seconds = (performance.now() - t0) / 1000;
		if (!r.ok || r.imported !== QUESTIONS) throw new Error(`import failed: ${JSON.stringify(r)}`);

		// Ceiling: the same rows, already parsed, inserted with the same prepared statements in one transaction.
		const parsed = parseQuestionText(new TextDecoder().decode(file)).questions;
		let id = Date.now();
		const items = parsed.map(({ line: _line, ...draft }) => ({ id: uuidv7(id++), draft, stemKey: normaliseStem(draft.stem) }));
		const ceilingBank = await newBank(db, actor, '上限');
		const t1 = performance.now();
		await questionRepo(db).insertMany(ceilingBank, items, actor.userId, Date.now());
		const ceilingSeconds = (performance.now() - t1) / 1000;

		const perS = QUESTIONS / seconds;
		const ceilingPerS = QUESTIONS / ceilingSeconds;
		console.log(JSON.stringify({ bench: 'import', questions: QUESTIONS, bytes: file.byteLength, seconds: round(seconds, 3), per_s: Math.round(perS), ceiling_per_s: Math.round(ceilingPerS), ratio: round(perS / ceilingPerS, 2) }));
	} finally {
		closeDatabase(db);
		rmSync(dir, { recursive: true, force: true });
	}
}

await main();
