import type { ContestSnapshot, PersonalResult } from '$lib/shared/contest/snapshot';

export type { PersonalResult };

/**
 * One change of a contest: the snapshot everyone gets, and each player's own result. Everything heavy
 * is built once per change and only when first asked for, however many streams send it.
 */
export interface ContestMessage {
	snapshot: ContestSnapshot;
	/**
	 * Only the counts changed (players joined, answers or stakes in). Phones need them in the lobby
	 * only; during a question they go to the projector alone, which is what keeps 5,000 answers from
	 * becoming millions of writes.
	 */
	countsOnly: boolean;
	/** The SSE frame of the snapshot, serialised and encoded once for every stream. */
	frame: () => Uint8Array;
	/** Whether this change sends each player their own result (after a reveal, at a board, at the end, and on connecting). */
	sendsPersonal: boolean;
	/** A player's own result (one ranking per change, shared by all players). */
	personalFor: (playerId: string) => PersonalResult | undefined;
	/** The host's seat list as JSON (only the projector asks for it). */
	rosterJson: () => string;
	/** At the end: the full ranking as JSON, for the projector only (phones get the top ten). */
	rankingJson: () => string | null;
}

/**
 * Fan-out of contest changes to the streams of the players and the projector. In-process for one
 * server; PostgreSQL LISTEN/NOTIFY or Redis can sit behind the same interface for several.
 */
export interface ContestBus {
	publish(contestId: string, message: ContestMessage): void;
	subscribe(contestId: string, listener: (message: ContestMessage) => void): () => void;
}

export class InProcessContestBus implements ContestBus {
	readonly #listeners = new Map<string, Set<(message: ContestMessage) => void>>();

	publish(contestId: string, message: ContestMessage) {
		for (const listener of this.#listeners.get(contestId) ?? []) listener(message);
	}

	subscribe(contestId: string, listener: (message: ContestMessage) => void) {
		let set = this.#listeners.get(contestId);
		if (!set) this.#listeners.set(contestId, (set = new Set()));
		set.add(listener);
		return () => {
			set.delete(listener);
			if (!set.size) this.#listeners.delete(contestId);
		};
	}
}
