/**
 * npm run bench:report — a generated organisation of 10,000 members (300 branches) with a year of
 * learning (reading, practice, reflections, exams, contests, meetings, plans, points: about 3.5 million
 * rows), then the annual report for the whole organisation built through the evaluation service.
 * One JSON line. Target ≤ 3 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeDatabase, openDatabase } from '../src/lib/server/db/client';
import { attendanceStats } from '../src/lib/server/attendance/compliance-service';
import { evaluationReport } from '../src/lib/server/reports/evaluation-service';
import type { Actor } from '../src/lib/shared/roles';
import { round } from './lib';

const MEMBERS = Number(process.env.REPORT_MEMBERS ?? 10_000);
const PER_BRANCH = 33;
const YEAR = 2026;
const DAY = 86_400_000;
const YEAR_START = Date.parse(`${YEAR}-01-01T00:00:00+08:00`);
const id = (kind: string, n: number | string) => `${kind}-${n}`;
/** A small deterministic generator, so every run measures the same data. */
let seed = 42;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
const dayOf = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

const dir = mkdtempSync(join(tmpdir(), 'xianfeng-report-'));
const db = openDatabase(join(dir, 'report.db'));
const c = db.$client;
c.pragma('synchronous = OFF');

function generate() {
	const ins = (sql: string) => c.prepare(sql);
	const unit = ins('INSERT INTO org_units (id, parent_id, kind, name, path, sort, created_at) VALUES (?, ?, ?, ?, ?, 0, 0)');
	const user = ins("INSERT INTO users (id, phone, name, password_hash, branch_id, group_id, admin_of, created_at, updated_at) VALUES (?, ?, ?, 'x', ?, ?, ?, 0, 0)");
	const mod = ins("INSERT INTO modules (id, title, track, owner_unit_id, status, created_at, updated_at) VALUES (?, ?, 'political', 'root', 'published', 0, 0)");
	const lesson = ins('INSERT INTO lessons (id, module_id, sort, title, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)');
	const credit = ins('INSERT INTO study_credits (id, user_id, lesson_id, day, from_at, to_at, claimed_ms, credited_ms, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
	const progress = ins('INSERT OR IGNORE INTO lesson_progress (user_id, lesson_id, effective_ms, first_at, last_at) VALUES (?, ?, ?, ?, ?)');
	const bank = ins("INSERT INTO question_banks (id, name, track, purpose, owner_unit_id, created_at, updated_at) VALUES (?, ?, 'political', ?, 'root', 0, 0)");
	const question = ins("INSERT INTO questions (id, bank_id, version, type, stem, content, stem_key, created_at, updated_at) VALUES (?, ?, 1, 'judge', ?, '{}', ?, 0, 0)");
	const answer = ins("INSERT INTO practice_answers (id, user_id, question_id, version, mode, response, correct, score, answered_at, received_at) VALUES (?, ?, ?, 1, 'practice', '[]', ?, ?, ?, ?)");
	const reflection = ins("INSERT INTO reflections (id, user_id, branch_id, module_id, plan_id, body, status, grade, submitted_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '心得', ?, ?, ?, ?, ?)");
	const exam = ins("INSERT INTO exams (id, title, owner_unit_id, paper, audience, opens_at, closes_at, time_limit_min, pass_percent, status, created_at, updated_at) VALUES (?, ?, 'root', '{}', '{}', 0, 0, 30, 60, 'published', 0, 0)");
	const attempt = ins("INSERT INTO exam_attempts (id, exam_id, user_id, number, items, started_at, deadline, submitted_at, status, score, max_score) VALUES (?, ?, ?, 1, '[]', ?, ?, ?, 'graded', ?, 100)");
	const contest = ins("INSERT INTO contests (id, title, owner_unit_id, code, plan, created_at, ended_at) VALUES (?, ?, 'root', ?, '{}', ?, ?)");
	const contestAnswer = ins("INSERT INTO contest_answers (contest_id, question_id, player_id, response, at) VALUES (?, ?, ?, '[]', ?)");
	const meeting = ins("INSERT INTO meetings (id, branch_id, type, title, starts_at, ends_at, audience, secret, closed_at, created_at, updated_at) VALUES (?, ?, ?, '会议', ?, ?, ?, 's', ?, 0, 0)");
	const checkin = ins("INSERT INTO meeting_checkins (meeting_id, user_id, at, via, received_at) VALUES (?, ?, ?, 'qr', ?)");
	const leave = ins("INSERT INTO meeting_leaves (meeting_id, user_id, reason, status, asked_at) VALUES (?, ?, '出差', 'approved', ?)");
	const plan = ins("INSERT INTO study_plans (id, title, branch_id, audience, starts_on, due_on, min_minutes, created_at, updated_at) VALUES (?, '学习计划', ?, ?, ?, ?, 5, 0, 0)");
	const planItem = ins('INSERT INTO study_plan_items (plan_id, module_id, sort) VALUES (?, ?, 0)');
	const ledger = ins('INSERT OR IGNORE INTO points_ledger (user_id, rule, source, points, day, at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');

	c.transaction(() => {
		unit.run('root', null, 'committee', '示范党委', '/root/');
		const modules = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => {
			mod.run(id('m', i), `模块${i}`);
			return [0, 1, 2, 3, 4].map((k) => {
				lesson.run(id(`l${i}`, k), id('m', i), k, `第${k}课`, '学习内容。'.repeat(200));
				return id(`l${i}`, k);
			});
		});
		bank.run('bank', '练习题库', 'practice');
		const questions = Array.from({ length: 200 }, (_, i) => (question.run(id('q', i), 'bank', `题${i}`, `题${i}`), id('q', i)));
		const exams = [0, 1, 2, 3].map((i) => (exam.run(id('e', i), `考试${i}`), id('e', i)));
		const contests = [0, 1, 2, 3].map((i) => (contest.run(id('c', i), `竞赛${i}`, `10000${i}`, YEAR_START + i * 90 * DAY, YEAR_START + i * 90 * DAY + 3_600_000), id('c', i)));

		const branches = Math.ceil(MEMBERS / PER_BRANCH);
		let n = 0;
		for (let b = 0; b < branches; b++) {
			const branchId = id('b', b);
			unit.run(branchId, 'root', 'branch', `第${b}党支部`, `/root/${branchId}/`);
			const groups = [0, 1].map((g) => (unit.run(id(`g${b}`, g), branchId, 'group', `第${g}党小组`, `/root/${branchId}/${id(`g${b}`, g)}/`), id(`g${b}`, g)));
			const people: string[] = [];
			for (let k = 0; k < PER_BRANCH && n < MEMBERS; k++, n++) {
				const userId = id('u', n);
				user.run(userId, `139${String(n + 1).padStart(8, '0')}`, `党员${n}`, branchId, groups[k % 2], n === 0 ? 'root' : null);
				people.push(userId);
			}
			const audience = JSON.stringify({ units: [branchId], people: [] });
			// Two plans due in the year, one module each.
			const plans = [0, 1].map((p) => {
				const planId = id(`p${b}`, p);
				plan.run(planId, branchId, audience, `${YEAR}-0${3 + p * 5}-01`, `${YEAR}-0${4 + p * 5}-30`);
				planItem.run(planId, id('m', (b + p) % 8));
				return { planId, moduleId: id('m', (b + p) % 8), lessons: modules[(b + p) % 8] };
			});
			// Two meetings a month, all closed; most come, some on leave.
			for (let mth = 0; mth < 24; mth++) {
				const startsAt = YEAR_START + mth * 15 * DAY + 9 * 3_600_000;
				const meetingId = id(`mt${b}`, mth);
				meeting.run(meetingId, branchId, pick(['committee', 'group', 'assembly', 'lecture']), startsAt, startsAt + 2 * 3_600_000, audience, startsAt + 3 * 3_600_000);
				for (const userId of people) {
					const r = rand();
					if (r < 0.85) checkin.run(meetingId, userId, startsAt + Math.floor(rand() * 600_000), startsAt);
					else if (r < 0.93) leave.run(meetingId, userId, startsAt - DAY);
				}
			}
			for (const userId of people) {
				// Sixty days of reading, a hundred and fifty practice answers, six reflections, four exams, two contests.
				for (let d = 0; d < 60; d++) {
					const toAt = YEAR_START + Math.floor(rand() * 360) * DAY + 10 * 3_600_000;
					const ms = 5 * 60_000 + Math.floor(rand() * 30 * 60_000);
					const lessonId = pick(pick(modules));
					credit.run(id(`sc${userId}`, d), userId, lessonId, dayOf(toAt), toAt - ms, toAt, ms, ms, toAt);
					ledger.run(userId, 'study', `${dayOf(toAt)}#${d}`, Math.min(6, Math.floor(ms / 300_000)), dayOf(toAt), toAt, toAt);
				}
				for (const p of plans) for (const lessonId of p.lessons) if (rand() < 0.8) progress.run(userId, lessonId, 6 * 60_000, YEAR_START, YEAR_START);
				for (let a = 0; a < 150; a++) {
					const at = YEAR_START + Math.floor(rand() * 360 * DAY);
					const correct = rand() < 0.7 ? 1 : 0;
					answer.run(id(`pa${userId}`, a), userId, pick(questions), correct, correct, at, at);
					if (correct) ledger.run(userId, 'practice', `${dayOf(at)}#${a}`, 1, dayOf(at), at, at);
				}
				for (let r = 0; r < 6; r++) {
					const at = YEAR_START + Math.floor(rand() * 360 * DAY);
					const p = plans[r % 2];
					const grade = pick(['excellent', 'good', 'pass', null]);
					reflection.run(id(`rf${userId}`, r), userId, branchId, p.moduleId, r < 2 ? p.planId : null, grade ? 'reviewed' : 'submitted', grade, at, at, at);
					if (grade === 'excellent' || grade === 'good') ledger.run(userId, 'reflection', id(`rf${userId}`, r), grade === 'excellent' ? 5 : 3, dayOf(at), at, at);
				}
				for (const examId of exams) {
					const at = YEAR_START + Math.floor(rand() * 360 * DAY);
					const score = Math.floor(40 + rand() * 60);
					attempt.run(id(`at${userId}`, examId), examId, userId, at - 1_200_000, at, at, score);
					if (score >= 60) ledger.run(userId, 'exam', examId, score >= 90 ? 10 : score >= 80 ? 8 : 5, dayOf(at), at, at);
				}
				const first = Math.floor(rand() * 4);
				for (const contestId of [contests[first], contests[(first + 1 + Math.floor(rand() * 3)) % 4]]) {
					const at = YEAR_START + contests.indexOf(contestId) * 90 * DAY + 600_000;
					for (let q = 0; q < 10; q++) contestAnswer.run(contestId, id('q', q), userId, at + q * 30_000);
					ledger.run(userId, 'contest', contestId, 2, dayOf(at), at, at);
				}
			}
		}
	})();
	c.pragma('synchronous = FULL');
	c.exec('ANALYZE');
}

const genStart = performance.now();
generate();
const generateSeconds = (performance.now() - genStart) / 1000;
const rows = (table: string) => (c.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const totalRows = ['study_credits', 'practice_answers', 'reflections', 'exam_attempts', 'contest_answers', 'meeting_checkins', 'meeting_leaves', 'lesson_progress', 'points_ledger', 'meetings'].reduce((n, t) => n + rows(t), 0);

const admin: Actor = { userId: 'u-0', branchId: 'b-0', branchPath: '/root/b-0/', groupId: null, secretaryOf: null, adminOf: { id: 'root', path: '/root/' } };
const now = Date.parse(`${YEAR + 1}-01-05T10:00:00+08:00`);
const timed = async () => {
	const t = performance.now();
	const report = await evaluationReport(db, admin, { unitId: null, period: String(YEAR) }, now);
	return { seconds: (performance.now() - t) / 1000, report };
};
const first = await timed();
const second = await timed();
// 三会一课 attendance statistics of the year for the whole organisation (the compliance page), asked on the year's last evening.
const statsStart = performance.now();
const stats = await attendanceStats(db, admin, Date.parse(`${YEAR}-12-31T20:00:00+08:00`));
const statsSeconds = (performance.now() - statsStart) / 1000;
const { report } = first;
const members = report.members.length;
console.log(
	JSON.stringify({
		bench: 'report',
		members,
		seconds: round(first.seconds, 2),
		warm_seconds: round(second.seconds, 2),
		branches: report.branches.length,
		activity_rows: totalRows,
		generate_s: round(generateSeconds, 1),
		attendance_stats_seconds: round(statsSeconds, 2),
		attendance_stats_meetings: stats.meetings,
		sample: { attendance: round(report.branches[0].attendanceRate ?? 0, 3), plan_completion: round(report.branches[0].planCompletion ?? 0, 3), points_avg: report.branches[0].pointsAvg }
	})
);
closeDatabase(db);
rmSync(dir, { recursive: true, force: true });
