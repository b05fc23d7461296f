import { error } from '@sveltejs/kit';
import type { Db } from '../db/client';
import { meetingRecord } from '../attendance/member-meeting-service';
import { readableSubject } from '../people/service';
import { recordRepo, type LedgerFact } from './record-repo';
import { m } from '$lib/paraglide/messages';
import { statusLabel } from '$lib/shared/checkin/labels';
import { beijingDay } from '$lib/shared/day';
import { currentPeriod, periodOf, recentPeriods } from '$lib/shared/reports/period';
import type { LearningRecord, RecordEvent } from '$lib/shared/reports/record-types';
import type { PointRule } from '$lib/shared/points/rules';
import type { Actor } from '$lib/shared/roles';
import { reflectionText } from '$lib/shared/study/labels';

const minutesOf = (ms: number) => Math.round(ms / 60_000);

/** Points from the ledger by "rule:source", and by "rule@day" for the running rules. */
function pointIndex(ledger: LedgerFact[]) {
	const bySource = new Map<string, number>();
	const byDay = new Map<string, number>();
	for (const l of ledger) {
		bySource.set(`${l.rule}:${l.source}`, (bySource.get(`${l.rule}:${l.source}`) ?? 0) + l.points);
		byDay.set(`${l.rule}@${l.day}`, (byDay.get(`${l.rule}@${l.day}`) ?? 0) + l.points);
	}
	return { source: (rule: PointRule, id: string) => bySource.get(`${rule}:${id}`) ?? 0, day: (rule: PointRule, day: string) => byDay.get(`${rule}@${day}`) ?? 0 };
}

/**
 * 学习档案: everything a member studied, answered, attended and reflected on in a period, newest
 * first, with the points each earned. Members read their own; secretaries and admins those they manage.
 */
export async function learningRecord(db: Db, actor: Actor, userId: string, periodKey: string | null, now = Date.now()): Promise<LearningRecord> {
	const period = periodKey ? periodOf(periodKey) : currentPeriod(now);
	if (!period) error(400, m.err_period());
	const { user, branch, subject } = await readableSubject(db, actor, userId);
	const repo = recordRepo(db);
	const ledger = repo.ledger(user.id, period.fromDay, period.toDay);
	const points = pointIndex(ledger);
	const events: RecordEvent[] = [];
	const push = (e: Omit<RecordEvent, 'day'>) => events.push({ ...e, day: beijingDay(e.at) });

	const study = repo.study(user.id, period.fromDay, period.toDay);
	for (const d of study) events.push({ at: d.at, day: d.day, kind: 'study', title: d.modules.split(',').join('、'), detail: m.record_study_detail({ minutes: minutesOf(d.ms) }), points: points.day('study', d.day) });

	const practice = repo.practice(user.id, period.from, period.to);
	for (const d of practice) events.push({ at: d.at, day: d.day, kind: 'practice', title: m.record_practice_title(), detail: m.record_practice_detail({ answered: d.answered, correct: d.correct }), points: points.day('practice', d.day) });

	const reflections = repo.reflections(user.id, period.from, period.to);
	for (const r of reflections) push({ at: r.at, kind: 'reflection', title: r.module, detail: reflectionText(r), points: points.source('reflection', r.id) });

	const attempts = repo.attempts(user.id, period.from, period.to);
	const passedExams = new Set<string>();
	for (const a of attempts) {
		const passed = a.status === 'graded' && a.score !== null && a.maxScore > 0 && (a.score / a.maxScore) * 100 >= a.passPercent;
		const result = a.status !== 'graded' ? m.record_exam_marking() : passed ? m.record_exam_passed() : m.record_exam_failed();
		// The first passing result of an exam is the one that earned its points.
		const earned = passed && !passedExams.has(a.examId) ? points.source('exam', a.examId) : 0;
		if (passed) passedExams.add(a.examId);
		push({ at: a.at, kind: 'exam', title: a.title, detail: m.record_exam_detail({ score: a.score ?? 0, max: a.maxScore, result }), points: earned });
	}

	const contests = repo.contests(user.id, period.from, period.to);
	for (const c of contests) push({ at: c.at, kind: 'contest', title: c.title, detail: m.record_contest_detail({ answered: c.answered }), points: points.source('contest', c.id) });

	const meetings = meetingRecord(db, subject, period.from, period.to, now);
	for (const mt of meetings) {
		push({ at: mt.startsAt, kind: 'meeting', title: mt.title, detail: statusLabel(mt.status), points: points.source('meeting', mt.id) });
		if (mt.makeupAt !== null) push({ at: mt.makeupAt, kind: 'makeup', title: mt.title, detail: m.record_makeup_detail(), points: points.source('makeup', mt.id) });
	}

	events.sort((a, b) => b.at - a.at);
	const graded = (g: string) => reflections.filter((r) => r.status === 'reviewed' && r.grade === g).length;
	return {
		person: { id: user.id, name: user.name, phone: user.phone, branchName: branch.name },
		period,
		periods: recentPeriods(now),
		summary: {
			studyMinutes: minutesOf(study.reduce((n, d) => n + d.ms, 0)),
			studyDays: study.length,
			practiceAnswered: practice.reduce((n, d) => n + d.answered, 0),
			practiceCorrect: practice.reduce((n, d) => n + d.correct, 0),
			reflections: reflections.length,
			reflectionsExcellent: graded('excellent'),
			reflectionsGood: graded('good'),
			examsTaken: new Set(attempts.map((a) => a.examId)).size,
			examsPassed: passedExams.size,
			contests: contests.length,
			meetingsExpected: meetings.filter((mt) => mt.closed).length,
			meetingsAttended: meetings.filter((mt) => mt.closed && (mt.status === 'present' || mt.status === 'late')).length,
			makeups: meetings.filter((mt) => mt.makeupAt !== null).length,
			points: ledger.reduce((n, l) => n + l.points, 0)
		},
		events
	};
}
