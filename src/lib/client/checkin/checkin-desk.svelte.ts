import { invalidateAll } from '$app/navigation';
import type { OfflineApp } from '../offline/context';
import type { OutboxOp } from '../offline/db';
import { CHECKIN_KIND, LEAVE_KIND, MAKEUP_KIND, parseCheckinUrl } from '$lib/shared/checkin/checkin-schemas';
import { m } from '$lib/paraglide/messages';

const KINDS = [CHECKIN_KIND, LEAVE_KIND, MAKEUP_KIND];

/**
 * Reload the page's server data, but only once the server answers: right after a phone comes back online
 * the first requests can still fail, and a failed reload would put SvelteKit's error page in place of
 * the page (CI saw "Internal Error" where the refused 补学 should have shown).
 */
async function reloadData(): Promise<void> {
	const up = await fetch('/healthz', { cache: 'no-store' }).then(
		(r) => r.ok,
		() => false
	);
	if (up) await invalidateAll().catch(() => undefined);
}

export interface LocalOp {
	id: string;
	kind: string;
	at: number;
	meetingId: string | null;
	state: 'pending' | 'rejected';
	error?: string;
}

/**
 * The 签到 tab's actions on the phone. Every check-in, leave request and 补学 confirmation goes to the outbox first
 * (DESIGN.md): it survives no signal and a closed tab, and the server later judges it by its scan time.
 * `ops` are those still on the phone: waiting to be sent, or refused with the server's reason.
 */
export class CheckinDesk {
	#app: OfflineApp;
	#ops = $state<LocalOp[]>([]);

	constructor(app: OfflineApp) {
		this.#app = app;
	}

	get ops() {
		return this.#ops;
	}

	/** The op still on the phone for a meeting (the latest), if any. */
	opFor(meetingId: string, kind = CHECKIN_KIND): LocalOp | undefined {
		return this.#ops.findLast((o) => o.meetingId === meetingId && o.kind === kind);
	}

	async refresh(): Promise<void> {
		const ops = await this.#app.db.outbox.filter((o: OutboxOp) => KINDS.includes(o.kind)).sortBy('seq');
		this.#ops = ops.map((o) => ({
			id: o.id,
			kind: o.kind,
			at: o.at,
			meetingId: (o.payload as { meetingId?: string }).meetingId ?? null,
			state: o.state,
			error: o.error
		}));
	}

	/** A scanned text: our check-in QR is queued; anything else is refused here, with nothing stored. */
	async scanned(text: string): Promise<{ ok: true } | { ok: false; message: string }> {
		const parsed = parseCheckinUrl(text);
		if (!parsed) return { ok: false, message: m.checkin_not_ours() };
		await this.#send(CHECKIN_KIND, parsed);
		return { ok: true };
	}

	async typedCode(code: string): Promise<void> {
		await this.#send(CHECKIN_KIND, { code });
	}

	async askLeave(meetingId: string, reason: string): Promise<void> {
		await this.#send(LEAVE_KIND, { meetingId, reason: reason.trim() });
	}

	/** "我已完成补学": judged by the server when it arrives, after the reading queued before it. */
	async confirmMakeup(meetingId: string): Promise<void> {
		await this.#send(MAKEUP_KIND, { meetingId });
	}

	/**
	 * The sync engine's count of waiting ops changed (a drain after the phone came back online): ops that
	 * left the outbox were accepted, so the page's server data (已签到, leave state) is reloaded.
	 */
	async synced(): Promise<void> {
		const waiting = (ops: LocalOp[]) => ops.filter((o) => o.state === 'pending').length;
		const before = waiting(this.#ops);
		await this.refresh();
		if (waiting(this.#ops) < before) await reloadData();
	}

	async dismiss(id: string): Promise<void> {
		await this.#app.sync.dismiss(id);
		await this.refresh();
	}

	async #send(kind: string, payload: unknown): Promise<void> {
		await this.#app.sync.enqueue(kind, payload);
		await this.refresh();
		await this.#app.sync.settled();
		await this.refresh();
		// Online, the page's server data now shows the check-in; offline this fails quietly and the op waits.
		if (this.#app.sync.status === 'synced' || this.#app.sync.status === 'pending') await reloadData();
	}
}
