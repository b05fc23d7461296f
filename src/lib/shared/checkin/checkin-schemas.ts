import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { MARK_REASONS } from './attendance';

/** Op kinds of the outbox (DESIGN.md: check-ins and leave requests are written there first). */
export const CHECKIN_KIND = 'meeting.checkin';
export const LEAVE_KIND = 'meeting.leave';
/** "我已完成补学" pressed (online or not); `at` of the op is when. */
export const MAKEUP_KIND = 'meeting.makeup';

const uuid = v.pipe(v.string(), v.uuid(() => m.err_meeting_missing()));

/** A scan of the projector's QR (the app's scanner) or a typed code; `at` of the op is the scan time. */
export const checkinPayloadSchema = v.union(
	[
		v.object({ meetingId: uuid, slot: v.pipe(v.number(), v.integer(), v.minValue(0)), token: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16}$/, () => m.err_checkin_wrong())) }),
		v.object({ code: v.pipe(v.string(), v.regex(/^\d{6}$/, () => m.err_checkin_code())) })
	],
	() => m.err_checkin_wrong()
);
export type CheckinPayload = v.InferOutput<typeof checkinPayloadSchema>;

export const leavePayloadSchema = v.object({
	meetingId: uuid,
	reason: v.pipe(v.string(), v.trim(), v.minLength(2, () => m.err_leave_reason()), v.maxLength(200, () => m.err_leave_reason()))
});

export const makeupPayloadSchema = v.object({ meetingId: uuid });

/** What the QR holds: a plain URL any camera or WeChat scanner opens (DESIGN.md). */
export const checkinUrl = (origin: string, meetingId: string, slot: number, token: string) => `${origin}/k/${meetingId}?s=${slot}&t=${token}`;

/** Read a scanned text back: our own check-in URL (any host: the LAN address may differ), else null. */
export function parseCheckinUrl(text: string): { meetingId: string; slot: number; token: string } | null {
	let url: URL;
	try {
		url = new URL(text.trim());
	} catch {
		return null;
	}
	const id = /^\/k\/([0-9a-f-]{36})$/i.exec(url.pathname)?.[1];
	const slot = Number(url.searchParams.get('s'));
	const token = url.searchParams.get('t') ?? '';
	if (!id || !Number.isSafeInteger(slot) || slot < 0 || !/^[A-Za-z0-9_-]{16}$/.test(token)) return null;
	return { meetingId: id.toLowerCase(), slot, token };
}

export const markSchema = v.object({
	userId: uuid,
	status: v.picklist(['present', 'late', 'excused', 'absent', 'clear'], () => m.err_invalid()),
	reason: v.optional(v.picklist(MARK_REASONS, () => m.err_invalid())),
	note: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100, () => m.err_meeting_text())), '')
});
