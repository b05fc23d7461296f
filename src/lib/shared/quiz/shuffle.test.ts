import { describe, expect, it } from 'vitest';
import { seededShuffle } from './shuffle';

describe('seeded shuffle', () => {
	const items = Array.from({ length: 20 }, (_, i) => i);
	it('gives the same order for the same seed and another for another seed, losing nothing', () => {
		expect(seededShuffle(items, 'member-1')).toEqual(seededShuffle(items, 'member-1'));
		expect(seededShuffle(items, 'member-1')).not.toEqual(seededShuffle(items, 'member-2'));
		expect([...seededShuffle(items, 'x')].sort((a, b) => a - b)).toEqual(items);
	});
});
