import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('safeNext', () => {
	it('keeps same-site paths, percent-encoded for the Location header', () => {
		expect(safeNext('/manage?q=张')).toBe('/manage?q=%E5%BC%A0');
		expect(safeNext('/manage/people/abc')).toBe('/manage/people/abc');
	});
	it('refuses other sites and odd values', () => {
		for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'manage', '', null, undefined]) {
			expect(safeNext(bad)).toBe('/study');
		}
	});
});
