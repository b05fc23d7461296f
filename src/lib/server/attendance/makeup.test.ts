import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { pushOps } from '../sync/service';
import { demoActor, statusOf, withDemoDatabase } from '../test-db';
import { judgeExam, meetingInput, sitJudgeExam } from '../test-activity';
import { uploadFile } from '../uploads/upload-service';
import { createMeetings, meetingFormChoices, updateMeeting } from './meeting-admin-service';
import { addMeetingFile, MAX_PHOTOS, removeMeetingFile } from './meeting-files-service';
import { closeMeeting, minutesPage } from './meeting-roster-service';
import { completeMakeup, makeupFor, memberMeetings } from './member-meeting-service';
import { beijingParts } from '$lib/shared/checkin/meeting-form';
import { uuidv7 } from '$lib/shared/id';
import type { Actor } from '$lib/shared/roles';

// 2026-11-28 10:00 Beijing.
const T0 = Date.UTC(2026, 10, 28, 2, 0, 0);
const MIN = 60_000;
const demo = withDemoDatabase(T0 - 24 * 60 * MIN);
let db: Db;
let dir: string;
beforeEach(() => {
	db = demo.db;
	dir = mkdtempSync(join(tmpdir(), 'xianfeng-photos-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const office = () => (db.$client.prepare("SELECT id FROM org_units WHERE name = '机关第一党支部'").get() as { id: string }).id;
const form = (over: Record<string, unknown> = {}) => meetingInput(office(), beijingParts(T0).date, over);
async function meeting(secretary: Actor, over: Record<string, unknown> = {}) {
	const r = await createMeetings(db, secretary, form(over), T0 - 60 * MIN);
	if (!r.ok) throw new Error(r.message);
	return r.ids[0];
}
const png = () => new Uint8Array(readFileSync('static/icons/icon-192.png'));
async function uploadPhoto(actor: Actor, bytes: Uint8Array, name: string) {
	const body = new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(bytes), c.close()) });
	const r = await uploadFile(db, actor, { body, name, length: bytes.length, accept: ['image'] }, T0, { dir, maxBytes: 1024 * 1024 });
	if (!r.ok) throw new Error(r.message);
	return r.file.src;
}
const readAll = (userId: string, moduleId: string) => {
	const lessons = db.$client.prepare('SELECT id FROM lessons WHERE module_id = ?').all(moduleId) as { id: string }[];
	// One hour each, one after the other (reading time on the phone never overlaps).
	const from = (i: number) => T0 + (100 + 60 * i) * MIN;
	return lessons.map((l, i) => ({ id: uuidv7(from(i + 1)), kind: 'study.progress', at: from(i + 1), payload: { lessonId: l.id, fromAt: from(i), toAt: from(i + 1), ms: 60 * MIN } }));
};

describe('minutes photos', () => {
	it('the secretary attaches pictures to the minutes, once each; they show on the minutes and the 补学 page; other files and other branches are refused', async () => {
		const secretary = await demoActor(db, '13800000001', T0);
		const id = await meeting(secretary);
		const src = await uploadPhoto(secretary, png(), '会场.png');
		expect(await addMeetingFile(db, secretary, id, 'photos', src, T0)).toEqual({ ok: true });
		expect(await addMeetingFile(db, secretary, id, 'photos', src, T0)).toEqual({ ok: true });
		expect((await minutesPage(db, secretary, id)).meeting.photos).toEqual([{ src, name: '会场.png', kind: 'image' }]);
		expect(await addMeetingFile(db, secretary, id, 'photos', '/files/' + 'a'.repeat(64), T0)).toEqual({ ok: false, message: '找不到这张照片，请重新上传' });
		expect(await addMeetingFile(db, secretary, id, 'photos', 'https://example.com/x.png', T0)).toMatchObject({ ok: false });
		const otherSecretary = await demoActor(db, '13800000003', T0);
		expect(await statusOf(addMeetingFile(db, otherSecretary, id, 'photos', src, T0))).toBe(404);

		const absent = await demoActor(db, '13800000007', T0);
		expect(await closeMeeting(db, secretary, id, T0 + 95 * MIN)).toMatchObject({ ok: true });
		expect(makeupFor(db, absent, id, T0 + 100 * MIN).photos).toEqual([{ src, name: '会场.png', kind: 'image' }]);

		expect(removeMeetingFile(db, secretary, id, 'photos', src, T0 + 100 * MIN)).toEqual({ ok: true });
		expect((await minutesPage(db, secretary, id)).meeting.photos).toEqual([]);
	});

	it('files to read (a PDF speech) go with the meeting, for members before it and in the 补学; a PDF is not a photo', async () => {
		const secretary = await demoActor(db, '13800000001', T0);
		const id = await meeting(secretary);
		const body = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
		const pdf = await uploadFile(db, secretary, { body: new ReadableStream({ start: (c) => (c.enqueue(body), c.close()) }), name: '书记讲话.pdf', length: body.length, accept: ['pdf'] }, T0, { dir, maxBytes: 1024 * 1024 });
		if (!pdf.ok) throw new Error(pdf.message);
		expect(await addMeetingFile(db, secretary, id, 'photos', pdf.file.src, T0)).toEqual({ ok: false, message: '找不到这张照片，请重新上传' });
		expect(await addMeetingFile(db, secretary, id, 'attachments', pdf.file.src, T0)).toEqual({ ok: true });
		const member = await demoActor(db, '13800000007', T0);
		expect(makeupFor(db, member, id, T0 - 30 * MIN).attachments).toEqual([{ src: pdf.file.src, name: '书记讲话.pdf', kind: 'pdf' }]);
	});

	it(`stops at ${MAX_PHOTOS} pictures with a message`, async () => {
		const secretary = await demoActor(db, '13800000001', T0);
		const id = await meeting(secretary);
		const base = png();
		for (let i = 0; i < MAX_PHOTOS; i++) {
			// The same picture with a different trailing byte is a different file.
			const bytes = new Uint8Array([...base, i]);
			expect(await addMeetingFile(db, secretary, id, 'photos', await uploadPhoto(secretary, bytes, `${i}.png`), T0)).toEqual({ ok: true });
		}
		const one = await uploadPhoto(secretary, new Uint8Array([...base, 99]), 'extra.png');
		expect(await addMeetingFile(db, secretary, id, 'photos', one, T0)).toEqual({ ok: false, message: `每次会议最多附 ${MAX_PHOTOS} 张照片` });
	});
});

describe('补学 with a quiz', () => {
	it('a meeting links an open exam of the whole branch; the absentee must pass it as well as read, and passes on the second try', async () => {
		const secretary = await demoActor(db, '13800000001', T0);
		const examId = await judgeExam(db, secretary, T0 - 30 * MIN);
		const choices = await meetingFormChoices(db, secretary, T0);
		expect(choices.branches.find((b) => b.id === office())!.examIds).toContain(examId);
		expect(choices.exams.map((e) => e.id)).toContain(examId);

		const mod = db.$client.prepare("SELECT id FROM modules WHERE status = 'published' LIMIT 1").get() as { id: string };
		const id = await meeting(secretary, { materials: [mod.id], makeupExamId: examId });
		const absent = await demoActor(db, '13800000007', T0);
		expect(await closeMeeting(db, secretary, id, T0 + 95 * MIN)).toMatchObject({ ok: true });

		expect(makeupFor(db, absent, id, T0 + 100 * MIN).exam).toMatchObject({ id: examId, state: 'not_taken', closed: false });
		const reading = readAll(absent.userId, mod.id);
		const t = reading.at(-1)!.at + MIN;
		expect(await pushOps(db, absent, { ops: reading }, t)).toMatchObject({ ok: true });
		expect(completeMakeup(db, absent, id, t + MIN)).toEqual({ ok: false, message: '还须通过测验《保密知识测试》' });

		await sitJudgeExam(db, absent, examId, 2, t + 2 * MIN);
		expect(makeupFor(db, absent, id, t + 5 * MIN).exam?.state).toBe('failed');
		expect(completeMakeup(db, absent, id, t + 5 * MIN)).toMatchObject({ ok: false });
		await sitJudgeExam(db, absent, examId, 4, t + 6 * MIN);
		expect(makeupFor(db, absent, id, t + 10 * MIN).exam?.state).toBe('passed');
		expect(completeMakeup(db, absent, id, t + 10 * MIN)).toEqual({ ok: true });
		expect(memberMeetings(db, absent, t + 11 * MIN).makeups).toEqual([]);
	});

	it('an exam the form does not offer is refused; once the linked exam has closed, reading is enough', async () => {
		const secretary = await demoActor(db, '13800000001', T0);
		const examId = await judgeExam(db, secretary, T0 - 30 * MIN);
		const closesAt = (db.$client.prepare('SELECT closes_at AS c FROM exams WHERE id = ?').get(examId) as { c: number }).c;
		expect(await createMeetings(db, secretary, form({ makeupExamId: uuidv7(T0) }), T0)).toMatchObject({ ok: false, message: /不能用作补学测验/ });
		const otherSecretary = await demoActor(db, '13800000003', T0);
		const otherExam = await judgeExam(db, otherSecretary, T0 - 30 * MIN, '别的支部的测验');
		expect(await createMeetings(db, secretary, form({ makeupExamId: otherExam }), T0)).toMatchObject({ ok: false, message: /不能用作补学测验/ });

		const id = await meeting(secretary, { makeupExamId: examId });
		expect(await closeMeeting(db, secretary, id, T0 + 95 * MIN)).toMatchObject({ ok: true });
		const absent = await demoActor(db, '13800000007', T0);
		expect(completeMakeup(db, absent, id, T0 + 100 * MIN)).toMatchObject({ ok: false, message: /保密知识测试/ });
		expect(makeupFor(db, absent, id, closesAt + MIN).exam).toMatchObject({ state: 'not_taken', closed: true });
		expect(completeMakeup(db, absent, id, closesAt + MIN)).toEqual({ ok: true });
	});

	it('an edit keeps a linked exam that has since closed', async () => {
		const secretary = await demoActor(db, '13800000001', T0);
		const examId = await judgeExam(db, secretary, T0 - 30 * MIN);
		const closesAt = (db.$client.prepare('SELECT closes_at AS c FROM exams WHERE id = ?').get(examId) as { c: number }).c;
		const id = await meeting(secretary, { date: beijingParts(closesAt + 24 * 60 * MIN).date, makeupExamId: examId });
		expect(await updateMeeting(db, secretary, id, form({ date: beijingParts(closesAt + 24 * 60 * MIN).date, makeupExamId: examId, place: '二楼' }), closesAt + MIN)).toEqual({ ok: true, changed: 1 });
	});
});

describe('补学 confirmed offline', () => {
	it('the confirmation waits in the outbox behind the reading and counts at its own time; without the reading it is refused with the reason', async () => {
		const secretary = await demoActor(db, '13800000001', T0);
		const mod = db.$client.prepare("SELECT id FROM modules WHERE status = 'published' LIMIT 1").get() as { id: string };
		const id = await meeting(secretary, { materials: [mod.id] });
		expect(await closeMeeting(db, secretary, id, T0 + 95 * MIN)).toMatchObject({ ok: true });
		const [d, e] = await Promise.all(['13800000007', '13800000008'].map((p) => demoActor(db, p, T0)));

		const confirm = (at: number) => ({ id: uuidv7(at), kind: 'meeting.makeup', at, payload: { meetingId: id } });
		// One batch, as the phone sends it on coming back online: the reading first, then the confirmation.
		const reading = readAll(d.userId, mod.id);
		const doneAt = reading.at(-1)!.at + MIN;
		const ops = [...reading, confirm(doneAt)];
		const sent = await pushOps(db, d, { ops }, doneAt + 30 * MIN);
		expect(sent).toMatchObject({ ok: true });
		expect((sent as { results: { status: string }[] }).results.map((r) => r.status)).toEqual(ops.map(() => 'applied'));
		expect(makeupFor(db, d, id, doneAt + 30 * MIN).doneAt).toBe(doneAt);

		expect(await pushOps(db, e, { ops: [confirm(T0 + 102 * MIN)] }, T0 + 300 * MIN)).toMatchObject({ results: [{ status: 'rejected', error: /还有学习材料没学完/ }] });
		expect(memberMeetings(db, e, T0 + 300 * MIN).makeups.map((x) => x.id)).toEqual([id]);
		expect(await pushOps(db, e, { ops: [{ ...confirm(T0), payload: { meetingId: 'x' } }] }, T0 + 300 * MIN)).toMatchObject({ results: [{ status: 'rejected' }] });
	});
});
