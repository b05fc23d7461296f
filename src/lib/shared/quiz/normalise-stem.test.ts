import { describe, expect, it } from 'vitest';
import { normaliseStem } from './normalise-stem';

describe('duplicate stems', () => {
	it('match across widths, spaces, punctuation and blank lengths', () => {
		expect(normaliseStem('党的最高理想是（ ）。')).toBe(normaliseStem('党的最高理想是( )'));
		expect(normaliseStem('_____是党的基础组织')).toBe(normaliseStem('________ 是党的基础组织。'));
		expect(normaliseStem('ＷＴＯ 成立于？')).toBe(normaliseStem('wto成立于'));
	});

	it('keep different questions apart', () => {
		expect(normaliseStem('预备期为一年。')).not.toBe(normaliseStem('预备期为两年。'));
	});
});
