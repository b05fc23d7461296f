/**
 * npm run bench:contest -- --players 5000 — the built server, N simulated players over real HTTP on
 * loopback: each joins by code, follows the SSE stream and answers all 10 questions; the host moves
 * the contest on through its own stream and POSTs. Prints one JSON line:
 *   join_s             time for all N to join (200 at a time)
 *   fanout_*_ms        server send (snapshot.serverNow) to player receive, for the phase changes
 *   ack_p99_ms         answer POST to its acknowledgement, answers spread over the first --spread
 *                      seconds (default 5) of each question as people read and tap (questions 1–9)
 *   ack_burst_p99_ms   the same when all N answer in the same millisecond (question 10): the worst case
 *   lost               answers acknowledged but not in the database (must be 0)
 *   server_rss_mb      the server's resident memory at the end
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { closeDatabase, openDatabase } from '../src/lib/server/db/client';
import { createSession } from '../src/lib/server/auth/session';
import { peopleRepo } from '../src/lib/server/people/repo';
import { contestRepo } from '../src/lib/server/contest/contest-repo';
import type { ContestPlan } from '../src/lib/server/contest/contest-engine';
import type { ContestSnapshot } from '../src/lib/shared/contest/snapshot';
import { uuidv7 } from '../src/lib/shared/id';
import { percentile, postJson, round, startBuiltServer } from './lib';

const arg = (name: string, fallback: number) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : Number(process.env[name.toUpperCase()] ?? fallback);
};
const PLAYERS = arg('players', 5000);
const QUESTIONS = 10;
const SPREAD_MS = arg('spread', 5) * 1000;
const CODE = '864209';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the simulated phones read of a snapshot. The host parses it whole; 5,000 phones in one process read only these. */
type Seen = Pick<ContestSnapshot, 'seq' | 'phase' | 'serverNow' | 'players'> & { question: { number: number } | null };

const grab = (json: string, pattern: RegExp) => Number(pattern.exec(json)?.[1] ?? NaN);
function glance(json: string): Seen {
	const question = grab(json, /"question":\{"number":(\d+)/);
	return {
		seq: grab(json, /"seq":(\d+)/),
		phase: /"phase":"(\w+)"/.exec(json)![1] as Seen['phase'],
		serverNow: grab(json, /"serverNow":(\d+)/),
		players: grab(json, /"players":(\d+)/),
		question: Number.isNaN(question) ? null : { number: question }
	};
}

interface Follower {
	last: Seen | null;
	/** Parse the whole snapshot (the host), or only glance at it (the phones). */
	full?: boolean;
	/** Receive delay of each phase change seen, by `${seq}`. */
	onSnapshot?: (s: Seen) => void;
}

const streamAgent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/** Follow a contest's SSE stream; every `snapshot` event updates `last` and reports its fan-out delay. */
function follow(url: string, cookie: string, f: Follower, delays: number[]): Promise<void> {
	return new Promise((resolve, reject) => {
		http
			.get(url, { agent: streamAgent, headers: { cookie, accept: 'text/event-stream' } }, (res) => {
				if (res.statusCode !== 200) return reject(new Error(`stream HTTP ${res.statusCode}`));
				let buffer = '';
				let lastPhase = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => {
					buffer += chunk;
					let end: number;
					while ((end = buffer.indexOf('\n\n')) >= 0) {
						const block = buffer.slice(0, end);
						buffer = buffer.slice(end + 2);
						if (!block.includes('event: snapshot')) continue;
						const data = block.split('\n').find((l) => l.startsWith('data: '));
						if (!data) continue;
						const snap: Seen = f.full ? (JSON.parse(data.slice(6)) as ContestSnapshot) : glance(data.slice(6));
						// Phase changes are what players wait for; count-only updates are coalesced on purpose.
						if (snap.phase !== lastPhase && f.last) delays.push(Date.now() - snap.serverNow);
						lastPhase = snap.phase;
						f.last = snap;
						f.onSnapshot?.(snap);
					}
				});
				resolve();
			})
			.on('error', reject);
	});
}

async function setUp(dbPath: string) {
	const db = openDatabase(dbPath);
	try {
		const people = peopleRepo(db);
		const office = (await people.subtree('/')).find((u) => u.name === '机关第一党支部')!;
		const secretary = db.$client.prepare('SELECT id FROM users WHERE secretary_of = ?').get(office.id) as { id: string };
		const questions = db.$client.prepare("SELECT id, version FROM questions WHERE type = 'single' ORDER BY id LIMIT ?").all(QUESTIONS) as { id: string; version: number }[];
		const answers = questions.map((q) => {
			const v = db.$client.prepare('SELECT content FROM question_versions WHERE question_id = ? AND version = ?').get(q.id, q.version) as { content: string };
			return (JSON.parse(v.content) as { answer: string[] }).answer;
		});
		const plan: ContestPlan = {
			rounds: [{ kind: 'all', questionIds: questions.map((q) => q.id), seconds: 60, readSeconds: 60, scoring: { mode: 'accuracy', points: 10 }, buzzPenalty: 0 }],
			versions: Object.fromEntries(questions.map((q) => [q.id, q.version]))
		};
		const now = Date.now();
		contestRepo(db).insert({ id: 'bench', title: 'bench', ownerUnitId: office.id, code: CODE, plan: JSON.stringify(plan), createdBy: secretary.id, createdAt: now });
		const cookies: string[] = [];
		for (let i = 0; i < PLAYERS; i++) {
			const id = uuidv7(now + i);
			await people.insertUser({ id, phone: `137${String(i).padStart(8, '0')}`, name: `选手${i}`, passwordHash: 'x', branchId: office.id, createdAt: now, updatedAt: now });
			cookies.push(`session=${(await createSession(db, id, now)).token}`);
		}
		return { cookies, host: `session=${(await createSession(db, secretary.id, now)).token}`, answers };
	} finally {
		closeDatabase(db);
	}
}

const rssMb = (pid: number) => {
	const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
	return line ? round(Number(line.split(/\s+/)[1]) / 1024) : null;
};

async function main() {
	const server = await startBuiltServer();
	try {
		const { cookies, host, answers } = await setUp(server.dbPath);
		const headers = (cookie: string) => ({ cookie, origin: server.baseUrl, 'sec-fetch-site': 'same-origin' });

		// Join, 200 at a time.
		const joinStart = performance.now();
		for (let i = 0; i < cookies.length; i += 200) {
			await Promise.all(cookies.slice(i, i + 200).map((c) => postJson(`${server.baseUrl}/api/contests/join`, headers(c), JSON.stringify({ code: CODE }))));
		}
		const joinSeconds = (performance.now() - joinStart) / 1000;

		const delays: number[] = [];
		const players: Follower[] = cookies.map(() => ({ last: null }));
		for (let i = 0; i < cookies.length; i += 500) await Promise.all(cookies.slice(i, i + 500).map((c, j) => follow(`${server.baseUrl}/api/contests/bench/stream`, c, players[i + j], delays)));
		const hostView: Follower = { last: null, full: true };
		await follow(`${server.baseUrl}/api/contests/bench/stream`, host, hostView, []);
		while (!hostView.last || hostView.last.players < PLAYERS) await sleep(50);

		const command = async (type: 'start' | 'next') => {
			const r = await postJson(`${server.baseUrl}/api/contests/bench/host`, headers(host), JSON.stringify({ expectSeq: hostView.last!.seq, command: { type } }));
			if (r.status !== 200) throw new Error(`host ${type}: ${r.status} ${r.text}`);
		};
		const until = async (check: () => boolean) => {
			while (!check()) await sleep(5);
		};
		const acks: number[] = [];
		const burstAcks: number[] = [];
		let acknowledged = 0;
		await command('start');
		for (let q = 0; q < QUESTIONS; q++) {
			await until(() => hostView.last!.phase === 'intro' && hostView.last!.question?.number === q + 1);
			await command('next'); // open the answers now rather than after the read time
			await until(() => players.every((p) => p.last?.phase === 'open' && p.last.question?.number === q + 1));
			const burst = q === QUESTIONS - 1;
			await Promise.all(
				cookies.map(async (c) => {
					if (!burst) await sleep(Math.random() * SPREAD_MS);
					const t0 = performance.now();
					const r = await postJson(`${server.baseUrl}/api/contests/bench/play`, headers(c), JSON.stringify({ type: 'answer', response: answers[q] }));
					(burst ? burstAcks : acks).push(performance.now() - t0);
					if (r.status === 200) acknowledged++;
				})
			);
			await until(() => hostView.last!.phase === 'reveal' && hostView.last!.question?.number === q + 1);
			await command('next');
		}
		await until(() => hostView.last!.phase === 'board');
		const rss = server.child.pid ? rssMb(server.child.pid) : null;

		const db = openDatabase(server.dbPath);
		const stored = (db.$client.prepare("SELECT count(*) AS n FROM contest_answers WHERE contest_id = 'bench'").get() as { n: number }).n;
		closeDatabase(db);
		delays.sort((a, b) => a - b);
		acks.sort((a, b) => a - b);
		burstAcks.sort((a, b) => a - b);
		console.log(
			JSON.stringify({
				bench: 'contest',
				players: PLAYERS,
				join_s: round(joinSeconds, 2),
				fanout_p50_ms: round(percentile(delays, 50)),
				fanout_p95_ms: round(percentile(delays, 95)),
				fanout_p99_ms: round(percentile(delays, 99)),
				ack_p99_ms: round(percentile(acks, 99)),
				ack_burst_p99_ms: round(percentile(burstAcks, 99)),
				answer_spread_s: SPREAD_MS / 1000,
				lost: acknowledged - stored,
				server_rss_mb: rss,
				answers_acknowledged: acknowledged,
				questions: QUESTIONS
			})
		);
	} finally {
		streamAgent.destroy();
		await server.stop();
	}
}

await main();
process.exit(0);
