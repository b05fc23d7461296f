import type { SyncEngine } from '../offline/sync-engine.svelte';
import { saveLocalAnswers, type LocalAnswers } from './exam-store';
import { EXAM_ANSWER_KIND, EXAM_EVENT_KIND, type AttemptView, type ExamAnswerPayload } from '$lib/shared/quiz/exam-schemas';

/** Typing in a blank is sent once the member pauses; every keystroke is still kept on the phone at once. */
const TYPING_PAUSE_MS = 1200;

/**
 * An attempt in progress. Every tap is written to IndexedDB first (well inside 100 ms) and then to
 * the outbox, which sends it at once when online. The clock is the server's deadline, corrected
 * for the phone's clock error.
 */
export class ExamSession {
	readonly view: AttemptView;
	#answers = $state<LocalAnswers>({});
	#index = $state(0);
	#remainingMs = $state(0);
	#shownAt = Date.now();
	// Pending send timers, not state anything renders.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#typing = new Map<string, ReturnType<typeof setTimeout>>();
	#timer: ReturnType<typeof setInterval> | null = null;
	#stopVisibility: (() => void) | null = null;
	readonly #offsetMs: number;
	readonly #db: Parameters<typeof saveLocalAnswers>[0];
	readonly #engine: Pick<SyncEngine, 'enqueue'>;

	constructor(view: AttemptView, answers: LocalAnswers, offsetMs: number, db: Parameters<typeof saveLocalAnswers>[0], engine: Pick<SyncEngine, 'enqueue'>) {
		this.view = view;
		this.#offsetMs = offsetMs;
		this.#db = db;
		this.#engine = engine;
		// Answers the server holds (another device, a cleared phone) fill in what this phone lacks.
		const merged: LocalAnswers = { ...answers };
		for (const [qid, response] of Object.entries(view.saved)) merged[qid] ??= { response, savedAt: 0, ms: null };
		this.#answers = merged;
		this.#tick();
	}

	get index() {
		return this.#index;
	}
	get current() {
		return this.view.questions[this.#index];
	}
	get total() {
		return this.view.questions.length;
	}
	get remainingMs() {
		return this.#remainingMs;
	}
	get timeUp() {
		return this.#remainingMs <= 0;
	}
	response(questionId: string): string[] {
		return this.#answers[questionId]?.response ?? [];
	}
	answered(questionId: string): boolean {
		return this.response(questionId).some((r) => r.trim() !== '');
	}
	get answeredCount() {
		return this.view.questions.filter((q) => this.answered(q.questionId)).length;
	}
	get answers(): LocalAnswers {
		return $state.snapshot(this.#answers) as LocalAnswers;
	}

	/** Count down, and count the page being hidden (another app or tab) as the contract's integrity signal. */
	start(onTimeUp: () => void) {
		this.#timer = setInterval(() => {
			this.#tick();
			if (this.timeUp) {
				this.stop();
				onTimeUp();
			}
		}, 1000);
		const hidden = () => {
			if (document.visibilityState === 'hidden') void this.#engine.enqueue(EXAM_EVENT_KIND, { attemptId: this.view.attemptId, kind: 'hidden' });
		};
		document.addEventListener('visibilitychange', hidden);
		this.#stopVisibility = () => document.removeEventListener('visibilitychange', hidden);
	}

	stop() {
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = null;
		this.#stopVisibility?.();
		this.#stopVisibility = null;
	}

	#tick() {
		this.#remainingMs = Math.max(0, this.view.deadline - (Date.now() + this.#offsetMs));
	}

	go(index: number) {
		if (index < 0 || index >= this.total) return;
		void this.flushTyping();
		this.#index = index;
		this.#shownAt = Date.now();
	}

	async choose(key: string) {
		const q = this.current;
		if (this.timeUp) return;
		const now = this.response(q.questionId);
		const next = q.type === 'multiple' ? (now.includes(key) ? now.filter((k) => k !== key) : [...now, key].sort()) : [key];
		await this.#save(q.questionId, next, true);
	}

	async setBlank(i: number, text: string) {
		const q = this.current;
		if (this.timeUp) return;
		const next = [...this.response(q.questionId)];
		while (next.length <= Math.max(i, q.blankCount - 1)) next.push('');
		next[i] = text;
		await this.#save(q.questionId, q.type === 'essay' ? [text] : next, false);
	}

	async #save(questionId: string, response: string[], sendNow: boolean) {
		const entry = { response, savedAt: Date.now(), ms: Date.now() - this.#shownAt };
		this.#answers = { ...this.#answers, [questionId]: entry };
		await saveLocalAnswers(this.#db, this.view.attemptId, this.answers);
		clearTimeout(this.#typing.get(questionId));
		if (sendNow) await this.#send(questionId);
		else this.#typing.set(questionId, setTimeout(() => void this.#send(questionId), TYPING_PAUSE_MS));
	}

	async #send(questionId: string) {
		this.#typing.delete(questionId);
		const a = this.#answers[questionId];
		if (!a) return;
		const payload: ExamAnswerPayload = { attemptId: this.view.attemptId, questionId, response: [...a.response], ms: a.ms };
		await this.#engine.enqueue(EXAM_ANSWER_KIND, payload);
	}

	/** Send answers still waiting for the member to stop typing. */
	async flushTyping() {
		for (const [qid, timer] of [...this.#typing]) {
			clearTimeout(timer);
			await this.#send(qid);
		}
	}
}
