import { checkinCode, checkinToken, SLOT_SECONDS, slotOf, slotStart } from '$lib/shared/checkin/token';
import { checkinUrl } from '$lib/shared/checkin/checkin-schemas';

export interface LiveCheckins {
	expected: number;
	checkedIn: number;
	excused: number;
	latest: { name: string; at: number; status: string }[];
}
interface LiveResponse extends LiveCheckins {
	now: number;
	slot: number;
	token: string;
}

const POLL_MS = 3000;
const offsetKey = (meetingId: string) => `xf-clock-offset:${meetingId}`;

/**
 * The projector's rotating check-in QR. Tokens are made on this device with WebCrypto from the meeting's
 * secret, on the server's clock (the offset learnt from each poll, kept for offline use), so the screen
 * keeps rotating with no connection; who has checked in comes from the server every 3 s. Where WebCrypto
 * is missing (a plain-http address that is not localhost), the server's token is shown instead.
 */
export class CheckinScreen {
	#slot = $state(0);
	#token = $state('');
	#secondsLeft = $state(SLOT_SECONDS);
	#live = $state<LiveCheckins>({ expected: 0, checkedIn: 0, excused: 0, latest: [] });
	#online = $state(true);
	#offset = 0;
	#serverToken: { slot: number; token: string } | null = null;
	#timers: ReturnType<typeof setInterval>[] = [];

	constructor(
		readonly meetingId: string,
		readonly origin: string,
		readonly secret: string,
		initial: LiveCheckins,
		serverNow: number
	) {
		this.#live = initial;
		this.#offset = serverNow - Date.now();
	}

	/** Offline (the page came from the service worker's cache), the clock offset learnt last time is better than the cached page's. */
	#restoreOffset() {
		const kept = Number(localStorage.getItem(offsetKey(this.meetingId)));
		if (!navigator.onLine && Number.isFinite(kept)) this.#offset = kept;
	}

	get url() {
		return this.#token ? checkinUrl(this.origin, this.meetingId, this.#slot, this.#token) : '';
	}
	get code() {
		return this.#token ? checkinCode(this.#token) : '';
	}
	get secondsLeft() {
		return this.#secondsLeft;
	}
	get live() {
		return this.#live;
	}
	get online() {
		return this.#online;
	}

	start(): () => void {
		this.#restoreOffset();
		void this.#tick();
		void this.#poll();
		this.#timers.push(setInterval(() => void this.#tick(), 250), setInterval(() => void this.#poll(), POLL_MS));
		return () => this.#timers.forEach(clearInterval);
	}

	async #tick() {
		const now = Date.now() + this.#offset;
		const slot = slotOf(now);
		this.#secondsLeft = Math.ceil((slotStart(slot + 1) - now) / 1000);
		if (slot === this.#slot && this.#token) return;
		if (globalThis.crypto?.subtle) {
			const token = await checkinToken(this.secret, this.meetingId, slot);
			this.#slot = slot;
			this.#token = token;
		} else if (this.#serverToken) {
			this.#slot = this.#serverToken.slot;
			this.#token = this.#serverToken.token;
		}
	}

	async #poll() {
		try {
			const res = await fetch(`/api/meetings/${this.meetingId}/live`, { credentials: 'same-origin', cache: 'no-store' });
			if (!res.ok) throw new Error(String(res.status));
			const body = (await res.json()) as LiveResponse;
			this.#offset = body.now - Date.now();
			localStorage.setItem(offsetKey(this.meetingId), String(this.#offset));
			this.#serverToken = { slot: body.slot, token: body.token };
			const { now: _now, slot: _slot, token: _token, ...live } = body;
			this.#live = live;
			this.#online = true;
		} catch {
			this.#online = false;
		}
	}
}
