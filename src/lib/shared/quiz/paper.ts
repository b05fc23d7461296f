import { seededShuffle } from './shuffle';
import type { QuestionType } from './types';

/**
 * A paper is a fixed list of questions or a set of draw rules ("20 单选 tagged 党章 with difficulty
 * ≤ 3 from bank X"). Points come per type, unless a question carries its own (`[3分]`).
 */
export interface PaperRule {
	bankId: string;
	type: QuestionType;
	count: number;
	/** Any of these tags (none: any question). */
	tags?: string[];
	minDifficulty?: number;
	maxDifficulty?: number;
}

export type Paper =
	| { kind: 'rules'; rules: PaperRule[]; pointsByType: Record<QuestionType, number> }
	| { kind: 'fixed'; questionIds: string[]; pointsByType: Record<QuestionType, number> };

export const DEFAULT_POINTS: Record<QuestionType, number> = { single: 2, multiple: 3, judge: 1, fill: 2, essay: 10 };

/** What the draw needs to know of a question: live, unexpired questions only are offered. */
export interface Candidate {
	id: string;
	version: number;
	bankId: string;
	type: QuestionType;
	tags: string[];
	difficulty: number;
	points: number | null;
}

export interface PaperItem {
	questionId: string;
	version: number;
	points: number;
}

export interface Shortfall {
	/** Index of the rule (0-based), or -1 for fixed questions that are gone. */
	rule: number;
	needed: number;
	available: number;
}

export function ruleMatches(rule: PaperRule, c: Candidate): boolean {
	return (
		c.bankId === rule.bankId &&
		c.type === rule.type &&
		(!rule.tags?.length || rule.tags.some((t) => c.tags.includes(t))) &&
		(rule.minDifficulty === undefined || c.difficulty >= rule.minDifficulty) &&
		(rule.maxDifficulty === undefined || c.difficulty <= rule.maxDifficulty)
	);
}

/**
 * Fill every rule's slots with distinct questions (a bipartite matching: a question may fit two
 * rules, and a greedy draw could starve the second). Candidates are tried in `order`, so a shuffled
 * order gives a random paper. Returns the chosen candidate per slot, null where none fits.
 */
function fillSlots(rules: PaperRule[], order: Candidate[]): (Candidate | null)[][] {
	const slots = rules.flatMap((r, i) => Array.from({ length: r.count }, () => i));
	const fits = rules.map((r) => order.filter((c) => ruleMatches(r, c)));
	const slotOf = new Map<string, number>();
	const chosen: (Candidate | null)[] = slots.map(() => null);
	const tryFill = (slot: number, seen: Set<string>): boolean => {
		for (const c of fits[slots[slot]]) {
			if (seen.has(c.id)) continue;
			seen.add(c.id);
			const holder = slotOf.get(c.id);
			if (holder === undefined || tryFill(holder, seen)) {
				slotOf.set(c.id, slot);
				chosen[slot] = c;
				return true;
			}
		}
		return false;
	};
	for (let s = 0; s < slots.length; s++) {
		// Most slots fill straight away; only a clash needs the search.
		const free = fits[slots[s]].find((c) => !slotOf.has(c.id));
		if (free) {
			slotOf.set(free.id, s);
			chosen[s] = free;
		} else tryFill(s, new Set());
	}
	return rules.map((_, i) => chosen.filter((_, s) => slots[s] === i));
}

/** Rules the banks cannot satisfy, reported when the paper is saved, not when members start. */
export function checkPaper(paper: Paper, candidates: Candidate[]): Shortfall[] {
	if (paper.kind === 'fixed') {
		const live = new Set(candidates.map((c) => c.id));
		const missing = paper.questionIds.filter((id) => !live.has(id)).length;
		return missing ? [{ rule: -1, needed: paper.questionIds.length, available: paper.questionIds.length - missing }] : [];
	}
	return fillSlots(paper.rules, candidates)
		.map((filled, rule) => ({ rule, needed: paper.rules[rule].count, available: filled.filter(Boolean).length }))
		.filter((s) => s.available < s.needed);
}

/** One member's paper: drawn with `seed`, in rule order (or list order), points fixed. Throws if a rule cannot be met. */
export function drawPaper(paper: Paper, candidates: Candidate[], seed: string): PaperItem[] {
	const pointsOf = (c: Candidate) => c.points ?? paper.pointsByType[c.type];
	if (paper.kind === 'fixed') {
		const byId = new Map(candidates.map((c) => [c.id, c]));
		return paper.questionIds.flatMap((id) => {
			const c = byId.get(id);
			return c ? [{ questionId: c.id, version: c.version, points: pointsOf(c) }] : [];
		});
	}
	const filled = fillSlots(paper.rules, seededShuffle(candidates, seed));
	if (filled.some((f) => f.some((c) => c === null))) throw new Error('paper rules cannot be met');
	return filled.flat().map((c) => ({ questionId: c!.id, version: c!.version, points: pointsOf(c!) }));
}

export function paperSize(paper: Paper): number {
	return paper.kind === 'fixed' ? paper.questionIds.length : paper.rules.reduce((n, r) => n + r.count, 0);
}
