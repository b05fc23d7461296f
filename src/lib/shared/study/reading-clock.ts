/**
 * Reading credit on the phone: only real study counts. Time runs while the page is visible and the
 * member has done something (scrolled, tapped, pressed a key) within the last minute, or while audio or
 * video is playing. Pure: every event carries its own time, so tests drive it with plain numbers.
 */
export const IDLE_MS = 60_000;
/** How often a reading page hands what it counted to the outbox. */
export const REPORT_EVERY_MS = 15_000;

export interface ReadingSpan {
	/** Device time of the first counted moment in the span, and of its end. */
	fromAt: number;
	toAt: number;
	/** Effective milliseconds inside [fromAt, toAt]. */
	ms: number;
}

export class ReadingClock {
	#visible: boolean;
	#lastInteraction: number | null = null;
	#playing = 0;
	#lastTick: number;
	#ms = 0;
	#from: number | null = null;
	#to = 0;

	constructor(now: number, visible = true) {
		this.#lastTick = now;
		this.#visible = visible;
	}

	/** Count the time since the last event, as far as it was effective. */
	#advance(now: number) {
		const start = this.#lastTick;
		this.#lastTick = Math.max(now, start);
		if (!this.#visible && this.#playing === 0) return;
		const activeUntil = this.#playing > 0 ? Infinity : this.#lastInteraction === null ? start : this.#lastInteraction + IDLE_MS;
		const end = Math.min(this.#lastTick, activeUntil);
		if (end <= start) return;
		this.#ms += end - start;
		this.#from ??= start;
		this.#to = end;
	}

	visibility(visible: boolean, now: number) {
		this.#advance(now);
		this.#visible = visible;
	}

	interact(now: number) {
		this.#advance(now);
		if (this.#visible) this.#lastInteraction = now;
	}

	/** Media started (true) or paused, ended or stalled (false). Several players may run at once. */
	media(playing: boolean, now: number) {
		this.#advance(now);
		this.#playing = Math.max(0, this.#playing + (playing ? 1 : -1));
		if (!playing) this.#lastInteraction = now;
	}

	/** What has been counted and not yet taken, without taking it. */
	peek(now: number): number {
		this.#advance(now);
		return this.#ms;
	}

	/** Hand over the counted span (for the outbox) and start a new one; null when nothing counted. */
	take(now: number): ReadingSpan | null {
		this.#advance(now);
		if (this.#from === null || this.#ms < 1000) return null;
		const span = { fromAt: this.#from, toAt: this.#to, ms: Math.round(this.#ms) };
		this.#ms = 0;
		this.#from = null;
		return span;
	}
}
