import type { Stake } from '$lib/shared/contest/scoring';

export interface QuestionMemory {
	response: string[] | null;
	stake: Stake | null;
	buzzed: boolean;
}

/**
 * What this phone did in a contest, per question (`round.question`): kept in localStorage so that a
 * reloaded or reopened tab shows "已提交" and the chosen stake again instead of inviting a second try.
 * The server holds the truth (one answer per question); this only keeps the screen honest.
 */
export class PlayerMemory {
	readonly #key: string;

	constructor(contestId: string) {
		this.#key = `xf-contest-${contestId}`;
	}

	#all(): Record<string, QuestionMemory> {
		try {
			return JSON.parse(localStorage.getItem(this.#key) ?? '{}') as Record<string, QuestionMemory>;
		} catch {
			return {};
		}
	}

	recall(place: string): QuestionMemory | null {
		return this.#all()[place] ?? null;
	}

	remember(place: string, change: Partial<QuestionMemory>) {
		const all = this.#all();
		const none: QuestionMemory = { response: null, stake: null, buzzed: false };
		all[place] = Object.assign(none, all[place], change);
		try {
			localStorage.setItem(this.#key, JSON.stringify(all));
		} catch {
			// Storage full or blocked (private mode): the screen simply forgets on reload.
		}
	}
}
