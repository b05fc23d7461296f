import type { MemberSettings } from '$lib/shared/sync-schemas';
import type { SyncEngine } from './sync-engine.svelte';

export const SETTINGS_KIND = 'settings.update';
const YEAR_S = 365 * 24 * 60 * 60;

/** Mirror a setting into a cookie so the server paints the next page right (and Paraglide reads the locale). */
function writeCookie(name: string, value: string) {
	document.cookie = `${name}=${value}; path=/; max-age=${YEAR_S}; samesite=lax`;
}

export function applyElderMode(on: boolean) {
	document.documentElement.classList.toggle('elder', on);
	writeCookie('xf_elder', on ? '1' : '0');
}

/**
 * The member's own settings on this device. A change applies at once, is written to the outbox,
 * and reaches the member's other devices through the server.
 */
export class MemberSettingsState {
	#elderMode = $state(false);
	#locale = $state<MemberSettings['locale']>('zh-CN');
	readonly #engine: SyncEngine;
	readonly #reload: () => void;

	constructor(engine: SyncEngine, initial: MemberSettings, reload: () => void = () => location.reload()) {
		this.#engine = engine;
		this.#elderMode = initial.elderMode;
		this.#locale = initial.locale;
		this.#reload = reload;
	}

	get elderMode() {
		return this.#elderMode;
	}
	get locale() {
		return this.#locale;
	}

	async setElderMode(on: boolean) {
		this.#elderMode = on;
		applyElderMode(on);
		await this.#engine.enqueue(SETTINGS_KIND, { elderMode: on });
	}

	/** The page reloads in the new language once the change is safe in the outbox. */
	async setLocale(locale: MemberSettings['locale']) {
		if (locale === this.#locale) return;
		this.#locale = locale;
		writeCookie('PARAGLIDE_LOCALE', locale);
		await this.#engine.enqueue(SETTINGS_KIND, { locale });
		this.#reload();
	}

	/** Settings changed on another device arrive by pull; a change still waiting here wins over them. */
	applyRemote(remote: MemberSettings | null, hasLocalChange: boolean) {
		if (!remote || hasLocalChange) return;
		if (remote.elderMode !== this.#elderMode) {
			this.#elderMode = remote.elderMode;
			applyElderMode(remote.elderMode);
		}
		if (remote.locale !== this.#locale) {
			this.#locale = remote.locale;
			writeCookie('PARAGLIDE_LOCALE', remote.locale);
			this.#reload();
		}
	}
}
