import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('safeNext', () => {
	it('keeps same-site paths', () => {
		expect(safeNext('/manage?q=张')).toBe('/manage?q=张');
	});
	it('refuses other sites and odd values', () => {
		for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'manage', '', null, undefined]) {
			expect(safeNext(bad)).toBe('/study');
		}
	});
});
