import { describe, expect, it } from 'vitest';
import { parseRange } from './range';

describe('parseRange', () => {
	it('reads the forms a media player sends', () => {
		expect(parseRange(null, 1000)).toBeNull();
		expect(parseRange('bytes=0-', 1000)).toEqual({ start: 0, end: 999 });
		expect(parseRange('bytes=100-199', 1000)).toEqual({ start: 100, end: 199 });
		expect(parseRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
		expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
	});

	it('refuses what it cannot serve', () => {
		expect(parseRange('bytes=1000-', 1000)).toBe('invalid');
		expect(parseRange('bytes=5-1', 1000)).toBe('invalid');
		expect(parseRange('bytes=0-1,5-9', 1000)).toBe('invalid');
		expect(parseRange('items=0-1', 1000)).toBe('invalid');
		expect(parseRange('bytes=-', 1000)).toBe('invalid');
	});
});
