/**
 * Estimated reading minutes of a lesson: Chinese at 300 characters a minute (a steady reading pace
 * for study material, slower than skimming news), other words at 200 a minute; Markdown marks and
 * links' addresses do not count. At least one minute.
 */
export const CHINESE_PER_MINUTE = 300;
export const WORDS_PER_MINUTE = 200;

export function readingMinutes(markdown: string): number {
	const text = markdown
		.replace(/!\[[^\]]*\]\([^)]*\)/g, '')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[#>*_`~|-]/g, ' ');
	const chinese = (text.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? []).length;
	const words = (text.replace(/[\u3400-\u9fff\uf900-\ufaff]/g, ' ').match(/[A-Za-z0-9]+/g) ?? []).length;
	return Math.max(1, Math.ceil(chinese / CHINESE_PER_MINUTE + words / WORDS_PER_MINUTE));
}
