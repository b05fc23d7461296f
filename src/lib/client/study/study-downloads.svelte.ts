import type { StoredStudyDownload, XianfengDb } from '../offline/db';
import { downloadModule, removeModuleDownload, studyDownloads, type ModuleToDownload } from './downloads';

/** Which study modules are on this phone, and downloading or removing them (one module or a whole plan). */
export class StudyDownloads {
	#stored = $state<Record<string, StoredStudyDownload>>({});
	#busy = $state(false);
	#failed = $state(false);
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
	get all(): StoredStudyDownload[] {
		return Object.values(this.#stored);
	}
	info(moduleId: string): StoredStudyDownload | null {
		return this.#stored[moduleId] ?? null;
	}

	async refresh() {
		this.#stored = Object.fromEntries((await studyDownloads(this.#db)).map((d) => [d.moduleId, d]));
	}

	async download(modules: ModuleToDownload[]) {
		this.#busy = true;
		this.#failed = false;
		try {
			for (const mod of modules) {
				const stored = await downloadModule(this.#db, mod);
				this.#stored = { ...this.#stored, [mod.moduleId]: stored };
			}
		} catch {
			this.#failed = true;
		} finally {
			this.#busy = false;
		}
	}

	async remove(moduleId: string) {
		await removeModuleDownload(this.#db, moduleId);
		const { [moduleId]: _gone, ...rest } = this.#stored;
		this.#stored = rest;
	}
}
