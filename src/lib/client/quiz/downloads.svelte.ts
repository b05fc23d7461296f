import type { StoredPracticeSet, XianfengDb } from '../offline/db';
import { downloadPracticeSet, removePracticeSet, storedPracticeSets } from './practice-store';

export interface DownloadInfo {
	count: number;
	bytes: number;
	downloadedAt: number;
}

/** Which practice banks are on this phone, and downloading or removing them. */
export class PracticeDownloads {
	#sets = $state<Record<string, DownloadInfo>>({});
	#busy = $state<string | null>(null);
	#failed = $state<string | null>(null);
	readonly #db: XianfengDb;

	constructor(db: XianfengDb) {
		this.#db = db;
	}

	get busy() {
		return this.#busy;
	}
	get failed() {
		return this.#failed;
	}
	info(bankId: string): DownloadInfo | null {
		return this.#sets[bankId] ?? null;
	}

	async refresh() {
		const all = await storedPracticeSets(this.#db);
		this.#sets = Object.fromEntries(all.map((s) => [s.bankId, toInfo(s)]));
	}

	async download(bankId: string) {
		this.#busy = bankId;
		this.#failed = null;
		try {
			const stored = await downloadPracticeSet(this.#db, bankId);
			this.#sets = { ...this.#sets, [bankId]: toInfo(stored) };
		} catch {
			this.#failed = bankId;
		} finally {
			this.#busy = null;
		}
	}

	async remove(bankId: string) {
		await removePracticeSet(this.#db, bankId);
		const { [bankId]: _gone, ...rest } = this.#sets;
		this.#sets = rest;
	}
}

const toInfo = (s: StoredPracticeSet): DownloadInfo => ({ count: s.questions.length, bytes: s.bytes, downloadedAt: s.downloadedAt });

