import type { Db } from '../db/client';
import { recordAudit } from '../audit/audit-service';
import type { Outcome } from '../quiz/bank-service';
import { fileRepo } from '../uploads/file-repo';
import { hashOfSrc } from '../uploads/upload-service';
import { meetingToManage } from './meeting-admin-service';
import { meetingRepo } from './meeting-repo';
import { m } from '$lib/paraglide/messages';
import type { Actor } from '$lib/shared/roles';

/** A picture taken at the meeting (the room, the sign-in sheet, the board), attached to its minutes. */
export interface MeetingPhoto {
	src: string;
	name: string;
}

/** Enough for a meeting's record; more belongs in a folder, not on an A4 page. */
export const MAX_PHOTOS = 20;

export const photosOf = (meeting: { photos: string }): MeetingPhoto[] => JSON.parse(meeting.photos);

/**
 * Attach an uploaded picture (already checked by its content at /api/files) to the minutes. Allowed after
 * closing too: minutes are often finished the day after. The same picture twice is kept once.
 */
export async function addMeetingPhoto(db: Db, actor: Actor, meetingId: string, src: string, now = Date.now()): Promise<Outcome<object>> {
	const meeting = meetingToManage(db, actor, meetingId);
	const hash = hashOfSrc(src);
	const file = hash ? await fileRepo(db).byHash(hash) : undefined;
	if (!file || file.kind !== 'image') return { ok: false, message: m.err_photo_missing() };
	const photos = photosOf(meeting);
	if (photos.some((p) => p.src === src)) return { ok: true };
	if (photos.length >= MAX_PHOTOS) return { ok: false, message: m.err_photo_many({ max: MAX_PHOTOS }) };
	meetingRepo(db).setPhotos(meetingId, JSON.stringify([...photos, { src, name: file.name }]), now);
	recordAudit(db, actor, 'meeting.minutes', { targetId: meetingId, summary: `${meeting.title} · ${file.name}`, unitPath: meeting.branchPath }, now);
	return { ok: true };
}

/** Take a picture off the minutes (the file itself stays: lessons may use the same picture). */
export function removeMeetingPhoto(db: Db, actor: Actor, meetingId: string, src: string, now = Date.now()): Outcome<object> {
	const meeting = meetingToManage(db, actor, meetingId);
	const photos = photosOf(meeting);
	if (!photos.some((p) => p.src === src)) return { ok: false, message: m.err_photo_missing() };
	meetingRepo(db).setPhotos(meetingId, JSON.stringify(photos.filter((p) => p.src !== src)), now);
	recordAudit(db, actor, 'meeting.minutes', { targetId: meetingId, summary: meeting.title, unitPath: meeting.branchPath }, now);
	return { ok: true };
}
