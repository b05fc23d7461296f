import type { Db } from '../db/client';
import { recordAudit } from '../audit/audit-service';
import type { Outcome } from '../quiz/bank-service';
import { fileRepo } from '../uploads/file-repo';
import { hashOfSrc } from '../uploads/upload-service';
import { meetingToManage } from './meeting-admin-service';
import { meetingRepo } from './meeting-repo';
import { m } from '$lib/paraglide/messages';
import type { FileKind } from '$lib/shared/file-type';
import type { Actor } from '$lib/shared/roles';

/** A file on a meeting: a photo on the minutes (the room, the sign-in sheet, the board), or a material to read. */
export interface MeetingFile {
	src: string;
	name: string;
	kind: FileKind;
}

/** Photos go with the minutes; attachments are read before the meeting and for its 补学. */
export type MeetingFileList = 'photos' | 'attachments';

const RULES: Record<MeetingFileList, { kinds: FileKind[]; max: number }> = {
	// Enough for a meeting's record; more belongs in a folder, not on an A4 page.
	photos: { kinds: ['image'], max: 20 },
	attachments: { kinds: ['pdf', 'audio', 'video', 'image'], max: 10 }
};
export const MAX_PHOTOS = RULES.photos.max;

const parse = (json: string): MeetingFile[] => (JSON.parse(json) as MeetingFile[]).map((f) => ({ ...f, kind: f.kind ?? 'image' }));
export const photosOf = (meeting: { photos: string }) => parse(meeting.photos);
export const attachmentsOf = (meeting: { attachments: string }) => parse(meeting.attachments);

/**
 * Attach an uploaded file (already checked by its content at /api/files) to a meeting's photos or
 * materials. Allowed after closing too: minutes are often finished the day after. The same file twice is kept once.
 */
export async function addMeetingFile(db: Db, actor: Actor, meetingId: string, list: MeetingFileList, src: string, now = Date.now()): Promise<Outcome<object>> {
	const meeting = meetingToManage(db, actor, meetingId);
	const rule = RULES[list];
	const hash = hashOfSrc(src);
	const file = hash ? await fileRepo(db).byHash(hash) : undefined;
	if (!file || !rule.kinds.includes(file.kind)) return { ok: false, message: m.err_photo_missing() };
	const files = parse(meeting[list]);
	if (files.some((p) => p.src === src)) return { ok: true };
	if (files.length >= rule.max) return { ok: false, message: list === 'photos' ? m.err_photo_many({ max: rule.max }) : m.err_attachment_many({ max: rule.max }) };
	meetingRepo(db).setFiles(meetingId, list, JSON.stringify([...files, { src, name: file.name, kind: file.kind }]), now);
	recordAudit(db, actor, 'meeting.files', { targetId: meetingId, summary: `${meeting.title} · ${file.name}`, unitPath: meeting.branchPath }, now);
	return { ok: true };
}

/** Take a file off the meeting (the file itself stays: a lesson may use it too). */
export function removeMeetingFile(db: Db, actor: Actor, meetingId: string, list: MeetingFileList, src: string, now = Date.now()): Outcome<object> {
	const meeting = meetingToManage(db, actor, meetingId);
	const files = parse(meeting[list]);
	if (!files.some((p) => p.src === src)) return { ok: false, message: m.err_photo_missing() };
	meetingRepo(db).setFiles(meetingId, list, JSON.stringify(files.filter((p) => p.src !== src)), now);
	recordAudit(db, actor, 'meeting.files', { targetId: meetingId, summary: meeting.title, unitPath: meeting.branchPath }, now);
	return { ok: true };
}
