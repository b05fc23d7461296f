import type { QuestionContent } from './types';

export interface GradeOptions {
	/** Share of the points for a 多选 answer that picks only correct options but not all of them. */
	partialCredit: number;
}
export const DEFAULT_GRADE_OPTIONS: GradeOptions = { partialCredit: 0.5 };

/** A member's answer: option keys for choices, `'true'|'false'` for 判断, one text per blank for 填空, text for 简答. */
export type Response = string[];

export type Grade = { status: 'graded'; score: number; correct: boolean } | { status: 'needs_marking' };

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Blank answers are compared after trimming, folding full-width letters/digits/spaces and collapsing spaces. */
export function normaliseBlank(text: string, caseInsensitive: boolean): string {
	const folded = text
		.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
		.replace(/\u3000/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return caseInsensitive ? folded.toLowerCase() : folded;
}

/**
 * Score one answer. 多选: all right → full; only right options but not all → partial credit; any
 * wrong option → 0. 填空: each blank earns its share of the points; with "order-free" the answers may
 * fill the blanks in any order (each blank used once). 简答 waits for a person to mark it.
 */
export function grade(q: QuestionContent, response: Response, points: number, options: GradeOptions = DEFAULT_GRADE_OPTIONS): Grade {
	switch (q.type) {
		case 'single':
		case 'judge': {
			const correct = response.length === 1 && response[0] === q.answer[0];
			return { status: 'graded', score: correct ? points : 0, correct };
		}
		case 'multiple': {
			const chosen = new Set(response);
			const key = new Set(q.answer);
			if ([...chosen].some((c) => !key.has(c)) || chosen.size === 0) return { status: 'graded', score: 0, correct: false };
			if (chosen.size === key.size) return { status: 'graded', score: points, correct: true };
			return { status: 'graded', score: round2(points * options.partialCredit), correct: false };
		}
		case 'fill': {
			const right = q.orderFree ? matchAnyOrder(q, response) : q.blanks.filter((alts, i) => accepts(alts, response[i] ?? '', q.caseInsensitive)).length;
			const correct = right === q.blanks.length;
			return { status: 'graded', score: correct ? points : round2((points * right) / q.blanks.length), correct };
		}
		case 'essay':
			return { status: 'needs_marking' };
	}
}

function accepts(alternatives: string[], answer: string, caseInsensitive: boolean): boolean {
	const given = normaliseBlank(answer, caseInsensitive);
	return given !== '' && alternatives.some((a) => normaliseBlank(a, caseInsensitive) === given);
}

/** The most blanks that distinct answers can fill (a small bipartite matching: blanks are few). */
function matchAnyOrder(q: QuestionContent, response: Response): number {
	const blankOf = new Array<number>(q.blanks.length).fill(-1);
	const tryAnswer = (a: number, seen: boolean[]): boolean => {
		for (let b = 0; b < q.blanks.length; b++) {
			if (seen[b] || !accepts(q.blanks[b], response[a] ?? '', q.caseInsensitive)) continue;
			seen[b] = true;
			if (blankOf[b] === -1 || tryAnswer(blankOf[b], seen)) {
				blankOf[b] = a;
				return true;
			}
		}
		return false;
	};
	let matched = 0;
	for (let a = 0; a < response.length; a++) if (tryAnswer(a, new Array(q.blanks.length).fill(false))) matched++;
	return matched;
}
