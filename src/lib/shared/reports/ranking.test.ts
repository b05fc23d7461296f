import { describe, expect, it } from 'vitest';
import { rankByPoints } from './ranking';

describe('rankings by points', () => {
	it('put the most points first and let equal points share a rank', () => {
		const rows = [
			{ name: '刘洋', points: 30 },
			{ name: '杨静', points: 45 },
			{ name: '赵磊', points: 30 },
			{ name: '周强', points: 10 },
			{ name: '吴敏', points: 0 }
		];
		expect(rankByPoints(rows).map((r) => `${r.rank}${r.row.name}`)).toEqual(['1杨静', '2刘洋', '2赵磊', '4周强', '5吴敏']);
		expect(rankByPoints([])).toEqual([]);
	});
});
