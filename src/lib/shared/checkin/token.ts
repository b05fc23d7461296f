/**
 * The rotating check-in QR (DESIGN.md, "Contract: check-in QR"): a new token every 15 s,
 * `slot = floor(unixSeconds / 15)`, `token = base64url(HMAC-SHA256(meetingSecret, meetingId + ':' + slot))[0..16]`.
 * WebCrypto only, so the same code runs on the server and on the secretary's own device when the
 * projector page has no connection (the meeting's secret is cached there, and nowhere else).
 */
export const SLOT_SECONDS = 15;
/** Online, a token of the current slot or the two before it is accepted (a slow scan, a slow network). */
export const ONLINE_SLOTS_BACK = 2;
/** Offline, the scan time the phone recorded may lie this far outside the token's slot (phone clocks drift). */
export const OFFLINE_SKEW_MS = 30_000;

export const slotOf = (ms: number) => Math.floor(ms / 1000 / SLOT_SECONDS);
export const slotStart = (slot: number) => slot * SLOT_SECONDS * 1000;

const toBase64Url = (bytes: Uint8Array) => {
	let s = '';
	for (const b of bytes) s += String.fromCharCode(b);
	return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const keys = new Map<string, Promise<CryptoKey>>();
function keyFor(secret: string): Promise<CryptoKey> {
	let key = keys.get(secret);
	if (!key) {
		key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
		keys.set(secret, key);
	}
	return key;
}

/** The token to draw, made with WebCrypto (the projector page; needs a secure context: https or localhost). */
export async function checkinToken(secret: string, meetingId: string, slot: number): Promise<string> {
	const mac = await crypto.subtle.sign('HMAC', await keyFor(secret), new TextEncoder().encode(`${meetingId}:${slot}`));
	return toBase64Url(new Uint8Array(mac)).slice(0, 16);
}

/** Compare without an early exit, so response time says nothing about how much of a guess was right. */
function same(a: string, b: string): boolean {
	if (a.length !== b.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
	return diff === 0;
}

/**
 * The 6-digit code shown beside the QR, for typing when the camera fails: the first 36 bits of the
 * token, in decimal. It rotates with the token and is checked by the same rules.
 */
export function checkinCode(token: string): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
	let n = 0;
	for (const ch of token.slice(0, 6)) n = n * 64 + alphabet.indexOf(ch);
	return String(n % 1_000_000).padStart(6, '0');
}

/** A meeting's token for a slot. The checks take it as a function so the server can make it synchronously (node:crypto). */
export type TokenAt = (slot: number) => string;

export type TokenCheck = { ok: true; slot: number } | { ok: false; reason: 'wrong' | 'expired' };

/**
 * A scan (token) or a typed code reaching the server now: it must belong to this meeting and to one of
 * the last three slots. An older one of this meeting (a photo of the screen passed on later) is told
 * apart as expired.
 */
export function checkOnline(tokenAt: TokenAt, given: string, now: number, asCode = false): TokenCheck {
	const current = slotOf(now);
	const at = (slot: number) => (asCode ? checkinCode(tokenAt(slot)) : tokenAt(slot));
	for (let back = 0; back <= ONLINE_SLOTS_BACK; back++) {
		if (same(at(current - back), given)) return { ok: true, slot: current - back };
	}
	for (let back = ONLINE_SLOTS_BACK + 1; back <= ONLINE_SLOTS_BACK + 8; back++) {
		if (same(at(current - back), given)) return { ok: false, reason: 'expired' };
	}
	return { ok: false, reason: 'wrong' };
}

/**
 * A scan made offline and sent later with its slot and the phone's scan time: the token must match that
 * slot, and the scan time must lie within the slot give or take 30 s. (Whether the slot lies in the
 * meeting's check-in window is the meeting's rule, checked by the caller.)
 */
export function checkOffline(tokenAt: TokenAt, token: string, slot: number, scannedAt: number): TokenCheck {
	if (!Number.isSafeInteger(slot) || !same(tokenAt(slot), token)) return { ok: false, reason: 'wrong' };
	const from = slotStart(slot) - OFFLINE_SKEW_MS;
	const to = slotStart(slot + 1) + OFFLINE_SKEW_MS;
	return scannedAt >= from && scannedAt < to ? { ok: true, slot } : { ok: false, reason: 'expired' };
}

/** A typed code made offline: the slot is the one of the scan time, or a neighbour within the skew. */
export function checkOfflineCode(tokenAt: TokenAt, code: string, scannedAt: number): TokenCheck {
	const from = slotOf(scannedAt - OFFLINE_SKEW_MS);
	const to = slotOf(scannedAt + OFFLINE_SKEW_MS);
	for (let slot = from; slot <= to; slot++) if (same(checkinCode(tokenAt(slot)), code)) return { ok: true, slot };
	return { ok: false, reason: 'wrong' };
}
