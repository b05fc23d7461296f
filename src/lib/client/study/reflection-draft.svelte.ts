import type { XianfengDb } from '../offline/db';
import type { SyncEngine } from '../offline/sync-engine.svelte';
import { uuidv7 } from '$lib/shared/id';
import { REFLECTION_KIND, reflectionLength, type ReflectionPayload } from '$lib/shared/study/reflection-schemas';

interface StoredDraft {
	reflectionId: string;
	body: string;
	/** Set once handed to the outbox. */
	submittedAt: number | null;
}

const draftKey = (moduleId: string, planId: string | null) => `reflection:${moduleId}:${planId ?? '-'}`;

/**
 * A 学习心得 being written: every keystroke is kept on the phone (a closed tab loses nothing), and
 * handing it in goes through the outbox, so it works offline. Revising a returned reflection keeps
 * its id, so the server replaces the text instead of filing a second one.
 */
export class ReflectionDraft {
	#body = $state('');
	#submittedAt = $state<number | null>(null);
	#reflectionId: string;
	#loaded = $state(false);
	#saveTimer: ReturnType<typeof setTimeout> | undefined;
	readonly #key: string;
	readonly #db: XianfengDb;
	readonly #engine: Pick<SyncEngine, 'enqueue'>;
	readonly #target: { moduleId: string; planId: string | null };
	readonly #serverId: string | null;

	constructor(opts: { db: XianfengDb; engine: Pick<SyncEngine, 'enqueue'>; moduleId: string; planId: string | null; existing?: { id: string; body: string } | null }) {
		this.#db = opts.db;
		this.#engine = opts.engine;
		this.#target = { moduleId: opts.moduleId, planId: opts.planId };
		this.#key = draftKey(opts.moduleId, opts.planId);
		this.#serverId = opts.existing?.id ?? null;
		this.#reflectionId = opts.existing?.id ?? uuidv7();
		this.#body = opts.existing?.body ?? '';
	}

	get body() {
		return this.#body;
	}
	set body(value: string) {
		this.#body = value;
		this.#submittedAt = null;
		clearTimeout(this.#saveTimer);
		this.#saveTimer = setTimeout(() => void this.flush(), 300);
	}
	get length() {
		return reflectionLength(this.#body);
	}
	get submittedAt() {
		return this.#submittedAt;
	}
	get loaded() {
		return this.#loaded;
	}

	/** Bring back what was typed on this phone, unless the server holds a different reflection. */
	async load(): Promise<void> {
		const stored = (await this.#db.kv.get(this.#key))?.value as StoredDraft | undefined;
		if (stored && (this.#serverId === null || stored.reflectionId === this.#serverId)) {
			this.#body = stored.body;
			this.#reflectionId = stored.reflectionId;
			this.#submittedAt = stored.submittedAt;
		}
		this.#loaded = true;
	}

	/** Write what is typed now, without waiting for the pause in typing (the page is being hidden or closed). */
	async flush(): Promise<void> {
		if (this.#saveTimer === undefined) return;
		clearTimeout(this.#saveTimer);
		this.#saveTimer = undefined;
		await this.#save();
	}

	async #save(): Promise<void> {
		const value: StoredDraft = { reflectionId: this.#reflectionId, body: this.#body, submittedAt: this.#submittedAt };
		await this.#db.kv.put({ key: this.#key, value });
	}

	/** Hand in: the outbox first, then the draft is marked as sent. */
	async submit(now = Date.now()): Promise<void> {
		clearTimeout(this.#saveTimer);
		this.#saveTimer = undefined;
		const payload: ReflectionPayload = { reflectionId: this.#reflectionId, moduleId: this.#target.moduleId, planId: this.#target.planId, body: this.#body.trim() };
		await this.#engine.enqueue(REFLECTION_KIND, payload);
		this.#submittedAt = now;
		await this.#save();
	}
}
