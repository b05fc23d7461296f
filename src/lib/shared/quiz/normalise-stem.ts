/**
 * The key two stems share when they are the same question typed twice: width folded, case folded,
 * blanks made one mark, and spaces and punctuation (Chinese or Latin) dropped.
 */
export function normaliseStem(stem: string): string {
	return stem
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[_＿]{2,}/g, '_')
		.replace(/[\s\p{P}\p{S}]/gu, (c) => (c === '_' ? '_' : ''));
}
