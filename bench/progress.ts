/**
 * npm run bench:progress — 1,000 members each send a reading-progress event every 15 s for 5 minutes
 * of reading, compressed in time (COMPRESSION, default 10×: a 15 s round takes 1.5 s, ten times the real
 * load of 67 events/s). Every member
 * also replays about one in twenty of their events (the phone resending after a lost reply).
 *
 * The five minutes being read are the five minutes before the run, so the server's wall-clock cap
 * (never credit time that has not passed) leaves honest events whole. Afterwards the database must
 * hold exactly one credit per unique event and 15 s for each: `duplicates_credited` counts any extra.
 * Prints one JSON line.
 */
import { performance } from 'node:perf_hooks';
import { closeDatabase, openDatabase } from '../src/lib/server/db/client';
import { createSession } from '../src/lib/server/auth/session';
import { peopleRepo } from '../src/lib/server/people/repo';
import { uuidv7 } from '../src/lib/shared/id';
import { hashString, seededRandom } from '../src/lib/shared/quiz/shuffle';
import { PROGRESS_KIND } from '../src/lib/shared/study/plan-schemas';
import { percentile, postJson, round, startBuiltServer } from './lib';

const MEMBERS = Number(process.env.MEMBERS ?? 1000);
const ROUNDS = 20; // 5 minutes at one event per 15 s
const SPAN_MS = 15_000;
const COMPRESSION = Number(process.env.COMPRESSION ?? 10);
const ROUND_MS = SPAN_MS / COMPRESSION;
const REPLAY_RATE = 0.05;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Member {
	cookie: string;
	userId: string;
}

/** Members added to 机关第一党支部 with sessions made directly, and the lesson they all read. */
async function setUp(dbPath: string): Promise<{ members: Member[]; lessonId: string }> {
	const db = openDatabase(dbPath);
	try {
		const people = peopleRepo(db);
		const office = (await people.subtree('/')).find((u) => u.name === '机关第一党支部')!;
		const lesson = db.$client.prepare("SELECT l.id FROM lessons l JOIN modules m ON m.id = l.module_id WHERE m.status = 'published' ORDER BY l.sort LIMIT 1").get() as { id: string };
		const now = Date.now();
		const members: Member[] = [];
		for (let i = 0; i < MEMBERS; i++) {
			const id = uuidv7(now + i);
			await people.insertUser({ id, phone: `139${String(i).padStart(8, '0')}`, name: `党员${i}`, passwordHash: 'x', branchId: office.id, createdAt: now, updatedAt: now });
			members.push({ cookie: `session=${(await createSession(db, id, now)).token}`, userId: id });
		}
		return { members, lessonId: lesson.id };
	} finally {
		closeDatabase(db);
	}
}

function credited(dbPath: string, userIds: string[]): { rows: number; ms: number } {
	const db = openDatabase(dbPath);
	try {
		return db.$client
			.prepare('SELECT count(*) AS rows, coalesce(sum(credited_ms), 0) AS ms FROM study_credits WHERE user_id IN (SELECT value FROM json_each(?))')
			.get(JSON.stringify(userIds)) as { rows: number; ms: number };
	} finally {
		closeDatabase(db);
	}
}

async function main() {
	const server = await startBuiltServer();
	try {
		const { members, lessonId } = await setUp(server.dbPath);
		const headers = (cookie: string) => ({ cookie, origin: server.baseUrl, 'sec-fetch-site': 'same-origin' });
		const random = seededRandom(hashString('bench:progress'));
		const readingStart = Date.now() - ROUNDS * SPAN_MS;
		const latencies: number[] = [];
		const statuses = { applied: 0, duplicate: 0, rejected: 0, failed: 0 };
		let resent = 0;
		const sent = new Map<number, { id: string; payload: unknown; at: number }[]>();

		const send = async (m: Member, op: { id: string; payload: unknown; at: number }) => {
			const t0 = performance.now();
			const body = JSON.stringify({ ops: [{ id: op.id, kind: PROGRESS_KIND, at: op.at, payload: op.payload }] });
			// A kept-alive connection the server has just closed fails at once; the phone sends again, as here.
			let r: { status: number; text: string } | null = null;
			for (let attempt = 0; attempt < 3 && !r; attempt++) {
				r = await postJson(`${server.baseUrl}/api/sync`, headers(m.cookie), body).catch(() => null);
				if (!r) resent++;
			}
			latencies.push(performance.now() - t0);
			if (!r) return void statuses.failed++;
			if (r.status !== 200) return void statuses.failed++;
			const status = (JSON.parse(r.text) as { results: { status: keyof typeof statuses }[] }).results[0].status;
			statuses[status]++;
		};

		const started = performance.now();
		const inFlight: Promise<void>[] = [];
		for (let round = 0; round < ROUNDS; round++) {
			const roundStart = performance.now();
			const order = members.map((m, i) => ({ m, i, offset: random() * ROUND_MS })).sort((a, b) => a.offset - b.offset);
			for (const { m, i, offset } of order) {
				const wait = roundStart + offset - performance.now();
				if (wait > 1) await sleep(wait);
				const fromAt = readingStart + round * SPAN_MS;
				const op = { id: uuidv7(fromAt + SPAN_MS), payload: { lessonId, fromAt, toAt: fromAt + SPAN_MS, ms: SPAN_MS }, at: fromAt + SPAN_MS };
				const mine = sent.get(i) ?? [];
				mine.push(op);
				sent.set(i, mine);
				inFlight.push(send(m, op));
				// The phone did not hear back last time and sends an earlier event again.
				if (round > 0 && random() < REPLAY_RATE) inFlight.push(send(m, mine[Math.floor(random() * (mine.length - 1))]));
			}
		}
		await Promise.all(inFlight);
		const seconds = (performance.now() - started) / 1000;

		const unique = MEMBERS * ROUNDS;
		const db = credited(server.dbPath, members.map((m) => m.userId));
		latencies.sort((a, b) => a - b);
		console.log(
			JSON.stringify({
				bench: 'progress',
				members: MEMBERS,
				events_per_s: round(statuses.applied / seconds, 0),
				p50_ms: round(percentile(latencies, 50)),
				p99_ms: round(percentile(latencies, 99)),
				duplicates_credited: Math.max(0, db.rows - unique) + Math.max(0, Math.round((db.ms - unique * SPAN_MS) / SPAN_MS)),
				events: unique,
				replays: statuses.duplicate,
				resent_after_connection_reset: resent,
				rejected: statuses.rejected,
				failed: statuses.failed,
				credited_minutes_per_member: round(db.ms / MEMBERS / 60_000, 2),
				compression: COMPRESSION,
				seconds: round(seconds, 1)
			})
		);
	} finally {
		await server.stop();
	}
}

await main();
