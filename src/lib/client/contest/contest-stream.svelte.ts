import type { ContestSnapshot, PersonalResult, RosterEntry } from '$lib/shared/contest/snapshot';

/**
 * One screen's view of a live contest (the projector's or a player's phone): follows the server's
 * event stream and keeps the latest snapshot, this follower's own result and, for the host, the seats.
 * EventSource reconnects by itself; a reconnect gets the whole snapshot again, so nothing is replayed.
 * The server's clock rules: `remainingMs` corrects for this device's clock offset.
 */
export class ContestStream {
	snapshot = $state<ContestSnapshot | null>(null);
	me = $state<PersonalResult | null>(null);
	roster = $state<RosterEntry[]>([]);
	/** The host's full ranking at the end (phones get the top ten in the snapshot). */
	ranking = $state<NonNullable<ContestSnapshot['board']> | null>(null);
	/** False from a dropped connection until the next snapshot arrives. */
	connected = $state(false);
	/** Ticks four times a second while a phase has an end, for countdowns. */
	now = $state(Date.now());
	#offsetMs = 0;
	#source: EventSource | null = null;
	#clock: ReturnType<typeof setInterval> | undefined;
	#retry: ReturnType<typeof setTimeout> | undefined;

	constructor(readonly contestId: string) {}

	start() {
		this.#open();
		this.#clock = setInterval(() => (this.now = Date.now()), 250);
	}

	#open() {
		const source = new EventSource(`/api/contests/${this.contestId}/stream`);
		this.#source = source;
		source.addEventListener('snapshot', (e) => {
			const snapshot = JSON.parse((e as MessageEvent<string>).data) as ContestSnapshot;
			// Network delay makes the offset a little late, never early: a countdown ends slightly after the server's.
			this.#offsetMs = snapshot.serverNow - Date.now();
			// A new question: last question's result no longer applies.
			if (this.snapshot && (snapshot.phase === 'intro' || snapshot.phase === 'lobby')) this.me = this.me && { ...this.me, points: null };
			this.snapshot = snapshot;
			this.connected = true;
		});
		source.addEventListener('me', (e) => (this.me = JSON.parse((e as MessageEvent<string>).data) as PersonalResult));
		source.addEventListener('roster', (e) => (this.roster = JSON.parse((e as MessageEvent<string>).data) as RosterEntry[]));
		source.addEventListener('ranking', (e) => (this.ranking = JSON.parse((e as MessageEvent<string>).data) as NonNullable<ContestSnapshot['board']>));
		source.addEventListener('error', () => {
			this.connected = false;
			// EventSource retries by itself, except after an error response (a restarting server's 502): then we do.
			if (source.readyState === EventSource.CLOSED && this.#source === source) this.#retry = setTimeout(() => this.#open(), 2000);
		});
	}

	stop() {
		this.#source?.close();
		this.#source = null;
		clearInterval(this.#clock);
		clearTimeout(this.#retry);
	}

	/** Whole seconds left in the phase by the server's clock, or null when it waits for the host. */
	get secondsLeft(): number | null {
		const s = this.snapshot;
		if (!s || s.endsAt === null) return null;
		return Math.max(0, Math.ceil((s.endsAt - (this.now + this.#offsetMs)) / 1000));
	}
}

export type PostResult = { ok: true; data: Record<string, unknown> } | { ok: false; message: string; reason: string | null };

/** POST to the contest's API: the answer, or the server's message and reason on refusal (an empty message: no network). */
export async function postContest(url: string, body: unknown): Promise<PostResult> {
	try {
		const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
		if (res.ok) return { ok: true, data };
		return { ok: false, message: typeof data.message === 'string' ? data.message : res.statusText, reason: typeof data.reason === 'string' ? data.reason : null };
	} catch {
		return { ok: false, message: '', reason: null };
	}
}
