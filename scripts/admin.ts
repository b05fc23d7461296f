/**
 * npm run admin -- create --phone 13900000000 --name 张三 [--org 某某党委] [--branch 机关党支部]
 * Creates an admin of the whole organisation. The password is read from a prompt, or from stdin
 * when piped; never from argv, where it would land in shell history and `ps`.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { config } from '../src/lib/server/config';
import { closeDatabase, openDatabase } from '../src/lib/server/db/client';
import { hashPassword } from '../src/lib/server/auth/password';
import { peopleRepo } from '../src/lib/server/people/repo';
import { uuidv7 } from '../src/lib/shared/id';
import { nameSchema, newPasswordSchema, phoneSchema, firstIssue } from '../src/lib/shared/schemas';

function fail(message: string): never {
	console.error(message);
	process.exit(2);
}

async function readPassword(): Promise<string> {
	if (!process.stdin.isTTY) {
		const chunks: Buffer[] = [];
		for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
		return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
	}
	const ask = (question: string) =>
		new Promise<string>((resolve) => {
			const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
			const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
			(rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
				if (s.startsWith(question)) write.call(rl, question);
			};
			rl.question(question, (answer) => {
				rl.close();
				process.stdout.write('\n');
				resolve(answer);
			});
		});
	const first = await ask('密码：');
	const again = await ask('再输入一次：');
	if (first !== again) fail('两次输入的密码不一致。');
	return first;
}

async function main() {
	const { positionals, values } = parseArgs({
		allowPositionals: true,
		options: { phone: { type: 'string' }, name: { type: 'string' }, org: { type: 'string' }, branch: { type: 'string' } }
	});
	if (positionals[0] !== 'create') fail('用法：npm run admin -- create --phone 139xxxxxxxx --name 张三 [--org 党委名称] [--branch 支部名称]');
	const phone = v.safeParse(phoneSchema, values.phone ?? '');
	if (!phone.success) fail(firstIssue(phone.issues));
	const name = v.safeParse(nameSchema, values.name ?? '');
	if (!name.success) fail(firstIssue(name.issues));
	const password = v.safeParse(newPasswordSchema, await readPassword());
	if (!password.success) fail(firstIssue(password.issues));

	const db = openDatabase(config.databasePath);
	try {
		const repo = peopleRepo(db);
		if (await repo.userByPhone(phone.output)) fail(`手机号 ${phone.output} 已有账号。`);
		const now = Date.now();
		const roots = (await repo.subtree('/')).filter((u) => u.parentId === null);
		const root = roots[0] ?? (await repo.insertOrgUnit({ id: uuidv7(now), parentId: null, kind: 'committee', name: values.org ?? '本单位党委', now }));
		const branches = (await repo.subtree(root.path)).filter((u) => u.kind === 'branch');
		const branch =
			branches.find((b) => b.name === values.branch) ??
			(values.branch || branches.length === 0
				? await repo.insertOrgUnit({ id: uuidv7(now), parentId: root.id, kind: 'branch', name: values.branch ?? '机关党支部', now })
				: branches[0]);
		await repo.insertUser({
			id: uuidv7(now),
			phone: phone.output,
			name: name.output,
			passwordHash: await hashPassword(password.output),
			branchId: branch.id,
			adminOf: root.id,
			createdAt: now,
			updatedAt: now
		});
		console.log(`已创建管理员 ${name.output}（${phone.output}），管理「${root.name}」，所在支部「${branch.name}」。`);
	} finally {
		closeDatabase(db);
	}
}

await main();
