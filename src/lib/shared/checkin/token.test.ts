import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { checkinCode, checkinToken, checkOffline, checkOfflineCode, checkOnline, slotOf, slotStart, type TokenAt } from './token';

const SECRET = 'meeting-secret-0123456789';
const MEETING = 'm1';
// A slot boundary: 2026-11-28 08:00:00 UTC is a multiple of 15 s.
const EDGE = Date.UTC(2026, 10, 28, 8, 0, 0);
const nodeTokenAt =
	(secret: string, meeting: string): TokenAt =>
	(slot) =>
		createHmac('sha256', secret).update(`${meeting}:${slot}`).digest('base64url').slice(0, 16);
const tokenAt = nodeTokenAt(SECRET, MEETING);

describe('check-in tokens', () => {
	it('follow the contract: base64url of HMAC-SHA256(secret, meetingId:slot), first 16 characters, the same in WebCrypto and Node', async () => {
		const slot = slotOf(EDGE);
		expect(await checkinToken(SECRET, MEETING, slot)).toBe(tokenAt(slot));
		expect(tokenAt(slot)).toHaveLength(16);
	});

	it('change every 15 s, exactly at the slot edge', () => {
		expect(slotOf(EDGE - 1)).toBe(slotOf(EDGE) - 1);
		expect(slotOf(EDGE + 14_999)).toBe(slotOf(EDGE));
		expect(slotOf(EDGE + 15_000)).toBe(slotOf(EDGE) + 1);
		expect(slotStart(slotOf(EDGE))).toBe(EDGE);
	});

	it('online: the current slot and the two before it pass; the one before those is expired; another meeting’s is wrong', () => {
		const slot = slotOf(EDGE);
		const token = tokenAt(slot);
		expect(checkOnline(tokenAt, token, EDGE)).toEqual({ ok: true, slot });
		expect(checkOnline(tokenAt, token, EDGE + 44_999)).toEqual({ ok: true, slot });
		expect(checkOnline(tokenAt, token, EDGE + 45_000)).toEqual({ ok: false, reason: 'expired' });
		// A token from the future (a fast projector clock) is not taken.
		expect(checkOnline(tokenAt, token, EDGE - 1)).toEqual({ ok: false, reason: 'wrong' });
		expect(checkOnline(nodeTokenAt(SECRET, 'm2'), token, EDGE)).toEqual({ ok: false, reason: 'wrong' });
		expect(checkOnline(nodeTokenAt('another-secret', MEETING), token, EDGE)).toEqual({ ok: false, reason: 'wrong' });
	});

	it('offline: the token must match its slot, and the scan time lie within it give or take 30 s (clock skew)', () => {
		const slot = slotOf(EDGE);
		const token = tokenAt(slot);
		expect(checkOffline(tokenAt, token, slot, EDGE + 7_000)).toEqual({ ok: true, slot });
		expect(checkOffline(tokenAt, token, slot, EDGE - 30_000)).toEqual({ ok: true, slot });
		expect(checkOffline(tokenAt, token, slot, EDGE + 15_000 + 29_999)).toEqual({ ok: true, slot });
		expect(checkOffline(tokenAt, token, slot, EDGE - 30_001)).toEqual({ ok: false, reason: 'expired' });
		expect(checkOffline(tokenAt, token, slot, EDGE + 45_000)).toEqual({ ok: false, reason: 'expired' });
		// The right token claimed for another slot, or a token of another meeting.
		expect(checkOffline(tokenAt, token, slot + 1, EDGE + 15_000)).toEqual({ ok: false, reason: 'wrong' });
		expect(checkOffline(nodeTokenAt(SECRET, 'm2'), token, slot, EDGE)).toEqual({ ok: false, reason: 'wrong' });
		expect(checkOffline(tokenAt, token, 1.5, EDGE)).toEqual({ ok: false, reason: 'wrong' });
	});

	it('the 6-digit code rotates with the token and is checked by the same rules', () => {
		const slot = slotOf(EDGE);
		const code = checkinCode(tokenAt(slot));
		expect(code).toMatch(/^\d{6}$/);
		expect(checkinCode(tokenAt(slot + 1))).not.toBe(code);
		expect(checkOnline(tokenAt, code, EDGE + 30_000, true)).toEqual({ ok: true, slot });
		expect(checkOnline(tokenAt, code, EDGE + 45_000, true)).toEqual({ ok: false, reason: 'expired' });
		expect(checkOfflineCode(tokenAt, code, EDGE + 10_000)).toEqual({ ok: true, slot });
		expect(checkOfflineCode(tokenAt, code, EDGE + 15_000 + 29_999)).toEqual({ ok: true, slot });
		expect(checkOfflineCode(tokenAt, code, EDGE + 15_000 + 30_001)).toEqual({ ok: false, reason: 'wrong' });
	});
});
