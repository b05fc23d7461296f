/**
 * npm run bench:checkin — 500 members check in to one meeting within 10 s, across a change of the QR's
 * 15-second slot, over real HTTP against the built server. Half open the QR's URL as a phone's camera
 * does (GET /k/<id>?s=&t=), half send the app's outbox op (POST /api/sync); each uses the token the
 * projector shows at the moment of its scan. Prints the p99 latency and how many valid tokens were
 * refused (must be 0). One JSON line.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { closeDatabase, openDatabase } from '../src/lib/server/db/client';
import { createSession } from '../src/lib/server/auth/session';
import { meetingRepo } from '../src/lib/server/attendance/meeting-repo';
import { peopleRepo } from '../src/lib/server/people/repo';
import { uuidv7 } from '../src/lib/shared/id';
import { seededRandom } from '../src/lib/shared/quiz/shuffle';
import { getText, percentile, postJson, round, startBuiltServer } from './lib';

const MEMBERS = Number(process.env.MEMBERS ?? 500);
const WINDOW_MS = 10_000;
const SLOT_MS = 15_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A meeting under way in 机关第一党支部 and N members of it with sessions made directly (not N sign-ins from one IP). */
async function setUp(dbPath: string, n: number) {
	const db = openDatabase(dbPath);
	try {
		const people = peopleRepo(db);
		const office = (await people.subtree('/')).find((u) => u.name === '机关第一党支部')!;
		const now = Date.now();
		const meeting = { id: uuidv7(now), secret: randomBytes(24).toString('base64url') };
		meetingRepo(db).insertMany([
			{ ...meeting, branchId: office.id, type: 'assembly', title: '基准测试：支部党员大会', startsAt: now, endsAt: now + 3600_000, place: '', host: '', audience: JSON.stringify({ units: [office.id], people: [] }), agenda: '', materials: '[]', graceMin: 5, makeupExamId: null, seriesId: null, createdBy: null, now }
		]);
		const cookies: string[] = [];
		for (let i = 0; i < n; i++) {
			const id = uuidv7(now + i);
			await people.insertUser({ id, phone: `139${String(i).padStart(8, '0')}`, name: `党员${i}`, passwordHash: 'x', branchId: office.id, createdAt: now, updatedAt: now });
			cookies.push(`session=${(await createSession(db, id, now)).token}`);
		}
		return { meeting, cookies };
	} finally {
		closeDatabase(db);
	}
}

const server = await startBuiltServer();
try {
	const { meeting, cookies } = await setUp(server.dbPath, MEMBERS);
	const tokenAt = (ms: number) => {
		const slot = Math.floor(ms / SLOT_MS);
		return { slot, token: createHmac('sha256', meeting.secret).update(`${meeting.id}:${slot}`).digest('base64url').slice(0, 16) };
	};
	// Start 4 s before a slot boundary, so the 10 s of arrivals straddle a change of the QR.
	const boundary = Math.ceil((Date.now() + 6000) / SLOT_MS) * SLOT_MS;
	await sleep(boundary - 4000 - Date.now());
	const random = seededRandom(7);
	const delays = cookies.map(() => random() * WINDOW_MS);
	const latencies: number[] = [];
	let validRefused = 0;
	let errors = 0;
	const reasons = new Map<string, number>();
	await Promise.all(
		cookies.map(async (cookie, i) => {
			await sleep(delays[i]);
			const scannedAt = Date.now();
			const { slot, token } = tokenAt(scannedAt);
			const t0 = performance.now();
			try {
				if (i % 2 === 0) {
					const res = await getText(`${server.baseUrl}/k/${meeting.id}?s=${slot}&t=${token}`, { cookie });
					latencies.push(performance.now() - t0);
					if (res.status !== 200 || !res.text.includes('签到成功')) {
						validRefused++;
						const reason = /<p>([^<]*(?:二维码|签到|会议)[^<]*)<\/p>/.exec(res.text)?.[1] ?? `HTTP ${res.status}`;
						reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
					}
				} else {
					const op = { id: uuidv7(scannedAt), kind: 'meeting.checkin', at: scannedAt, payload: { meetingId: meeting.id, slot, token } };
					const res = await postJson(`${server.baseUrl}/api/sync`, { cookie, origin: server.baseUrl }, JSON.stringify({ ops: [op] }));
					latencies.push(performance.now() - t0);
					const result = res.status === 200 ? (JSON.parse(res.text) as { results: { status: string; error?: string }[] }).results[0] : null;
					if (result?.status !== 'applied') {
						validRefused++;
						const reason = result?.error ?? `HTTP ${res.status}`;
						reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
					}
				}
			} catch {
				errors++;
			}
		})
	);
	const db = openDatabase(server.dbPath);
	const stored = (db.$client.prepare('SELECT count(*) AS n FROM meeting_checkins WHERE meeting_id = ?').get(meeting.id) as { n: number }).n;
	closeDatabase(db);
	latencies.sort((a, b) => a - b);
	const result: Record<string, unknown> = {
		bench: 'checkin',
		members: MEMBERS,
		window_s: WINDOW_MS / 1000,
		crossed_slot_change: true,
		p50_ms: round(percentile(latencies, 50)),
		p99_ms: round(percentile(latencies, 99)),
		valid_refused: validRefused,
		errors,
		stored
	};
	if (reasons.size) result.refusals = Object.fromEntries(reasons);
	console.log(JSON.stringify(result));
	if (validRefused > 0 || errors > 0 || stored !== MEMBERS) process.exitCode = 1;
} finally {
	await server.stop();
}
