import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { checkinToken, checkOfflineToken, checkOnlineToken, slotOf, slotStart } from './token';

const SECRET = 'meeting-secret-0123456789';
const MEETING = 'm1';
// A slot boundary: 2026-11-28 08:00:00 UTC is a multiple of 15 s.
const EDGE = Date.UTC(2026, 10, 28, 8, 0, 0);

describe('check-in tokens', () => {
	it('follow the contract: base64url of HMAC-SHA256(secret, meetingId:slot), first 16 characters', async () => {
		const slot = slotOf(EDGE);
		const expected = createHmac('sha256', SECRET).update(`${MEETING}:${slot}`).digest('base64url').slice(0, 16);
		expect(await checkinToken(SECRET, MEETING, slot)).toBe(expected);
		expect(expected).toHaveLength(16);
	});

	it('change every 15 s, exactly at the slot edge', () => {
		expect(slotOf(EDGE - 1)).toBe(slotOf(EDGE) - 1);
		expect(slotOf(EDGE + 14_999)).toBe(slotOf(EDGE));
		expect(slotOf(EDGE + 15_000)).toBe(slotOf(EDGE) + 1);
		expect(slotStart(slotOf(EDGE))).toBe(EDGE);
	});

	it('online: the current slot and the two before it pass; the one before those is expired; another meeting’s is wrong', async () => {
		const slot = slotOf(EDGE);
		const token = await checkinToken(SECRET, MEETING, slot);
		expect(await checkOnlineToken(SECRET, MEETING, token, EDGE)).toEqual({ ok: true, slot });
		expect(await checkOnlineToken(SECRET, MEETING, token, EDGE + 44_999)).toEqual({ ok: true, slot });
		expect(await checkOnlineToken(SECRET, MEETING, token, EDGE + 45_000)).toEqual({ ok: false, reason: 'expired' });
		// A token from the future (a fast projector clock) is not taken.
		expect(await checkOnlineToken(SECRET, MEETING, token, EDGE - 1)).toEqual({ ok: false, reason: 'wrong' });
		expect(await checkOnlineToken(SECRET, 'm2', token, EDGE)).toEqual({ ok: false, reason: 'wrong' });
		expect(await checkOnlineToken('another-secret', MEETING, token, EDGE)).toEqual({ ok: false, reason: 'wrong' });
	});

	it('offline: the token must match its slot, and the scan time lie within it give or take 30 s (clock skew)', async () => {
		const slot = slotOf(EDGE);
		const token = await checkinToken(SECRET, MEETING, slot);
		expect(await checkOfflineToken(SECRET, MEETING, token, slot, EDGE + 7_000)).toEqual({ ok: true, slot });
		expect(await checkOfflineToken(SECRET, MEETING, token, slot, EDGE - 30_000)).toEqual({ ok: true, slot });
		expect(await checkOfflineToken(SECRET, MEETING, token, slot, EDGE + 15_000 + 29_999)).toEqual({ ok: true, slot });
		expect(await checkOfflineToken(SECRET, MEETING, token, slot, EDGE - 30_001)).toEqual({ ok: false, reason: 'expired' });
		expect(await checkOfflineToken(SECRET, MEETING, token, slot, EDGE + 45_000)).toEqual({ ok: false, reason: 'expired' });
		// The right token claimed for another slot, or a token of another meeting.
		expect(await checkOfflineToken(SECRET, MEETING, token, slot + 1, EDGE + 15_000)).toEqual({ ok: false, reason: 'wrong' });
		expect(await checkOfflineToken(SECRET, 'm2', token, slot, EDGE)).toEqual({ ok: false, reason: 'wrong' });
	});
});
