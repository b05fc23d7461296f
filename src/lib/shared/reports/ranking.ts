/** 表彰先进: members by points, most first; equal points share a rank (1, 2, 2, 4), and ties are listed by name. */
export interface Ranked<T> {
	rank: number;
	row: T;
}

export function rankByPoints<T extends { points: number; name: string }>(rows: T[]): Ranked<T>[] {
	const byName = new Intl.Collator('zh-CN');
	const sorted = [...rows].sort((a, b) => b.points - a.points || byName.compare(a.name, b.name));
	const out: Ranked<T>[] = [];
	sorted.forEach((row, i) => out.push({ rank: i > 0 && sorted[i - 1].points === row.points ? out[i - 1].rank : i + 1, row }));
	return out;
}
