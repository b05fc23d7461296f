import type { SyncEngine } from '../offline/sync-engine.svelte';
import { grade } from '$lib/shared/quiz/grade';
import { PRACTICE_KIND, type PracticeAnswer, type PracticeMode, type PracticeQuestion } from '$lib/shared/quiz/practice-schemas';

export interface Feedback {
	correct: boolean;
	/** Share of full marks, 0–1 (多选 partial credit, 填空 per blank). */
	score: number;
}

/**
 * One practice run: answer, see at once whether it was right and why, go on. Each answer is
 * written to the outbox before the feedback shows, so it survives a closed tab and syncs later.
 */
export class PracticeSession {
	#questions: PracticeQuestion[];
	#index = $state(0);
	#response = $state<string[]>([]);
	#feedback = $state<Feedback | null>(null);
	#right = $state(0);
	#wrong = $state(0);
	#shownAt: number;
	readonly #engine: Pick<SyncEngine, 'enqueue'>;
	readonly #mode: PracticeMode;
	readonly #onAnswered: (q: PracticeQuestion, feedback: Feedback) => void | Promise<void>;
	readonly #now: () => number;

	constructor(
		questions: PracticeQuestion[],
		mode: PracticeMode,
		engine: Pick<SyncEngine, 'enqueue'>,
		onAnswered: (q: PracticeQuestion, feedback: Feedback) => void | Promise<void> = () => {},
		now: () => number = Date.now
	) {
		this.#questions = questions;
		this.#mode = mode;
		this.#engine = engine;
		this.#onAnswered = onAnswered;
		this.#now = now;
		this.#shownAt = now();
	}

	get total() {
		return this.#questions.length;
	}
	get index() {
		return this.#index;
	}
	get current(): PracticeQuestion | null {
		return this.#questions[this.#index] ?? null;
	}
	get response() {
		return this.#response;
	}
	get feedback() {
		return this.#feedback;
	}
	get right() {
		return this.#right;
	}
	get wrong() {
		return this.#wrong;
	}
	get finished() {
		return this.#index >= this.#questions.length;
	}
	get canSubmit() {
		return !this.#feedback && this.#response.some((r) => r.trim() !== '');
	}

	/** 单选 and 判断: one choice; 多选: toggles. Locked once submitted. */
	choose(key: string) {
		const q = this.current;
		if (!q || this.#feedback) return;
		if (q.type === 'multiple') {
			this.#response = this.#response.includes(key) ? this.#response.filter((k) => k !== key) : [...this.#response, key].sort();
		} else {
			this.#response = [key];
		}
	}

	setBlank(i: number, text: string) {
		if (this.#feedback) return;
		const next = [...this.#response];
		while (next.length <= i) next.push('');
		next[i] = text;
		this.#response = next;
	}

	async submit(): Promise<Feedback | null> {
		const q = this.current;
		if (!q || !this.canSubmit) return null;
		const result = grade({ ...q, reference: '', points: null }, this.#response, 1, { partialCredit: q.partialCredit });
		const feedback = result.status === 'graded' ? { correct: result.correct, score: result.score } : { correct: false, score: 0 };
		// A snapshot: the outbox stores the payload in IndexedDB, which cannot clone a reactive proxy.
		const payload: PracticeAnswer = { questionId: q.id, version: q.version, mode: this.#mode, response: $state.snapshot(this.#response), ms: this.#now() - this.#shownAt };
		await this.#engine.enqueue(PRACTICE_KIND, payload);
		this.#feedback = feedback;
		if (feedback.correct) this.#right++;
		else this.#wrong++;
		await this.#onAnswered(q, feedback);
		return feedback;
	}

	next() {
		if (!this.#feedback) return;
		this.#index++;
		this.#response = [];
		this.#feedback = null;
		this.#shownAt = this.#now();
	}
}
