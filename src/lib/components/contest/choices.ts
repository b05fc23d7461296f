import { m } from '$lib/paraglide/messages';
import type { ContestSnapshot } from '$lib/shared/contest/snapshot';

type ShownQuestion = NonNullable<ContestSnapshot['question']>;

/** The buttons a question offers: its options, or 对 / 错 for a true/false question. */
export function choicesOf(q: Pick<ShownQuestion, 'type' | 'options'>): { key: string; text: string }[] {
	if (q.type === 'judge')
		return [
			{ key: 'true', text: m.practice_true() },
			{ key: 'false', text: m.practice_false() }
		];
	return q.options;
}

/** A, B, C… as on the projector; 对 and 错 need no letter. */
export const choiceLabel = (q: Pick<ShownQuestion, 'type'>, index: number) => (q.type === 'judge' ? '' : String.fromCharCode(65 + index));

/** The key in the words a player reads: letters, or 对 / 错. */
export function keysText(q: Pick<ShownQuestion, 'type' | 'options'>, keys: string[]): string {
	const choices = choicesOf(q);
	return keys
		.map((k) => choices.findIndex((c) => c.key === k))
		.filter((i) => i >= 0)
		.sort((a, b) => a - b)
		.map((i) => (q.type === 'judge' ? choices[i].text : choiceLabel(q, i)))
		.join('');
}

export const kindLabel = (kind: 'all' | 'buzz' | 'stake') =>
	kind === 'all' ? m.contest_kind_all() : kind === 'buzz' ? m.contest_kind_buzz() : m.contest_kind_stake();

export const sameKeys = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();
