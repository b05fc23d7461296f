import type { ContestSnapshot, PersonalResult } from '$lib/shared/contest/snapshot';

export type { PersonalResult };

/** One change of a contest: the snapshot everyone gets, and after a reveal each player's own result. */
export interface ContestMessage {
	snapshot: ContestSnapshot;
	/** The snapshot serialised once for every stream (thousands of followers, one JSON.stringify). */
	snapshotJson: string;
	personal: Record<string, PersonalResult> | null;
	/** The host's seat list as JSON, built on first use (only the projector asks for it). */
	rosterJson: () => string;
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
