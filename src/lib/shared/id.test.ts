import { describe, expect, it } from 'vitest';
import { isUuid, uuidv7 } from './id';

describe('uuidv7', () => {
	it('makes valid, unique ids that sort by creation time', () => {
		const a = uuidv7(1_700_000_000_000);
		const b = uuidv7(1_700_000_000_001);
		expect(isUuid(a)).toBe(true);
		expect(a[14]).toBe('7');
		expect(a < b).toBe(true);
		expect(new Set(Array.from({ length: 1000 }, () => uuidv7())).size).toBe(1000);
	});
	it('rejects strings that are not uuids', () => {
		expect(isUuid('not-a-uuid')).toBe(false);
		expect(isUuid('')).toBe(false);
	});
});
