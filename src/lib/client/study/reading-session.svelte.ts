import type { XianfengDb } from '../offline/db';
import type { SyncEngine } from '../offline/sync-engine.svelte';
import { ReadingClock, REPORT_EVERY_MS } from '$lib/shared/study/reading-clock';
import { PROGRESS_KIND, type ProgressPayload } from '$lib/shared/study/plan-schemas';

const INTERACTIONS = ['scroll', 'wheel', 'pointerdown', 'touchstart', 'keydown'] as const;
const localKey = (lessonId: string) => `reading:${lessonId}`;

/**
 * The reading page's study clock: counts effective time (shared/study/reading-clock.ts) from the
 * page's own events, hands it to the outbox every 15 s and when the page is hidden, and keeps this
 * phone's total for the lesson so progress shows offline too.
 */
export class ReadingSession {
	#base = $state(0);
	#live = $state(0);
	readonly #clock: ReadingClock;
	readonly #lessonId: string;
	readonly #db: XianfengDb;
	readonly #engine: Pick<SyncEngine, 'enqueue'>;
	readonly #now: () => number;
	#stops: (() => void)[] = [];

	constructor(opts: { lessonId: string; serverMs: number; db: XianfengDb; engine: Pick<SyncEngine, 'enqueue'>; now?: () => number }) {
		this.#now = opts.now ?? Date.now;
		this.#lessonId = opts.lessonId;
		this.#db = opts.db;
		this.#engine = opts.engine;
		this.#base = opts.serverMs;
		this.#clock = new ReadingClock(this.#now(), typeof document === 'undefined' || document.visibilityState === 'visible');
	}

	/** Effective milliseconds on this lesson: credited before plus what this visit has counted. */
	get effectiveMs() {
		return this.#base + this.#live;
	}

	/** Start counting (opening the lesson was a tap); returns the function that stops. */
	async start(): Promise<() => void> {
		const stored = await this.#db.kv.get(localKey(this.#lessonId));
		if (typeof stored?.value === 'number') this.#base = Math.max(this.#base, stored.value);
		this.#clock.interact(this.#now());
		const on = (target: EventTarget, type: string, fn: () => void, capture = false) => {
			target.addEventListener(type, fn, { passive: true, capture });
			this.#stops.push(() => target.removeEventListener(type, fn, { capture }));
		};
		for (const type of INTERACTIONS) on(window, type, () => this.#clock.interact(this.#now()), true);
		// Media events do not bubble: listen while capturing.
		on(document, 'play', () => this.#clock.media(true, this.#now()), true);
		for (const type of ['pause', 'ended', 'waiting']) on(document, type, () => this.#clock.media(false, this.#now()), true);
		on(document, 'visibilitychange', () => {
			const visible = document.visibilityState === 'visible';
			this.#clock.visibility(visible, this.#now());
			if (!visible) void this.flush();
		});
		on(window, 'pagehide', () => void this.flush());
		const tick = setInterval(() => (this.#live = this.#clock.peek(this.#now())), 1000);
		const report = setInterval(() => void this.flush(), REPORT_EVERY_MS);
		this.#stops.push(() => clearInterval(tick), () => clearInterval(report));
		return () => {
			for (const stop of this.#stops.splice(0)) stop();
			void this.flush();
		};
	}

	/** Hand what was counted to the outbox (first), then keep the phone's total. */
	async flush(): Promise<void> {
		const span = this.#clock.take(this.#now());
		if (!span) return;
		this.#base += span.ms;
		this.#live = 0;
		const payload: ProgressPayload = { lessonId: this.#lessonId, ...span };
		await this.#engine.enqueue(PROGRESS_KIND, payload);
		await this.#db.kv.put({ key: localKey(this.#lessonId), value: this.#base });
	}
}
