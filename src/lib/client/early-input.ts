/** What the inline script in app.html noted: fields a person changed before the page's script ran. */
type Early = Map<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, { value: string; checked: boolean }>;

/**
 * Put back what was typed, ticked or chosen before hydration (which resets `value={…}` and `checked={…}`),
 * and tell Svelte's bindings about it as if the person had just done it.
 */
export function restoreEarlyInput(win: Window & { __xfEarlyInput?: Early } = window): void {
	const early = win.__xfEarlyInput;
	if (!early) return;
	for (const [el, kept] of early) {
		if (!el.isConnected) continue;
		if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
			if (el.checked === kept.checked) continue;
			el.checked = kept.checked;
		} else {
			if (el.value === kept.value) continue;
			el.value = kept.value;
		}
		el.dispatchEvent(new Event('input', { bubbles: true }));
		el.dispatchEvent(new Event('change', { bubbles: true }));
	}
	early.clear();
}
