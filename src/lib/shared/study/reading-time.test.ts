import { describe, expect, it } from 'vitest';
import { readingMinutes } from './reading-time';

describe('reading minutes', () => {
	it('counts Chinese at 300 a minute and words at 200, ignoring Markdown and link addresses', () => {
		expect(readingMinutes('党'.repeat(600))).toBe(2);
		expect(readingMinutes('word '.repeat(400))).toBe(2);
		expect(readingMinutes(`**${'学'.repeat(301)}** [链接](https://example.com/very/long/address)`)).toBe(2);
		expect(readingMinutes('')).toBe(1);
	});
});
