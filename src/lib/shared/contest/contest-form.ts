import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { int, optionalInt } from '../schemas';
import type { QuestionType } from '../quiz/types';

/** Question types a live contest can ask on a phone in 20 seconds: choices and 对/错 (not blanks or essays). */
export const CONTEST_TYPES = ['single', 'multiple', 'judge'] as const satisfies readonly QuestionType[];
export const ROUND_KINDS = ['all', 'buzz', 'stake'] as const;
export const SCORING_MODES = ['accuracy', 'speed', 'capped'] as const;
export const MAX_ROUNDS = 5;

/** Team names typed one per line: trimmed, blank lines and repeats dropped, at most 10 of at most 12 characters. */
export const teamNamesOf = (text: string) => [...new Set(text.split('\n').map((t) => t.trim().slice(0, 12)).filter(Boolean))].slice(0, 10);

export const roundInputSchema = v.object({
	kind: v.picklist(ROUND_KINDS, () => m.err_contest_round_kind()),
	bankId: v.optional(v.string(), ''),
	type: v.picklist(CONTEST_TYPES, () => m.err_contest_round_type()),
	count: optionalInt(1, 30, () => m.err_contest_round_count()),
	tags: v.optional(v.pipe(v.string(), v.trim()), ''),
	maxDifficulty: optionalInt(1, 5, () => m.import_bad_difficulty({ value: '' })),
	seconds: int(5, 120, () => m.err_contest_round_seconds()),
	readSeconds: int(0, 15, () => m.err_contest_round_read()),
	scoring: v.picklist(SCORING_MODES, () => m.err_contest_round_kind()),
	points: int(1, 100, () => m.err_contest_round_points()),
	fullSeconds: int(1, 60, () => m.err_contest_round_seconds()),
	streak: v.optional(v.boolean(), false),
	penalty: int(0, 50, () => m.err_contest_round_points())
});
export type RoundInput = v.InferOutput<typeof roundInputSchema>;

/** The contest form as the service receives it. Hand-picked questions (from a bank page) make the first round. */
export const contestInputSchema = v.pipe(
	v.object({
		title: v.pipe(v.string(() => m.err_contest_title()), v.trim(), v.nonEmpty(() => m.err_contest_title()), v.maxLength(80, () => m.err_name_long())),
		ownerUnitId: v.pipe(v.string(), v.nonEmpty(() => m.err_bank_owner())),
		teams: v.picklist(['none', 'groups', 'manual'] as const),
		/** Teams set by hand: their names, one per line (2 to 10). */
		teamNames: v.optional(v.pipe(v.string(), v.maxLength(400)), ''),
		teamScore: v.picklist(['sum', 'average'] as const),
		guests: v.optional(v.boolean(), false),
		rounds: v.pipe(v.array(roundInputSchema), v.minLength(1, () => m.err_contest_rounds()), v.maxLength(MAX_ROUNDS)),
		fixedQuestionIds: v.optional(v.pipe(v.array(v.string()), v.maxLength(30, () => m.err_contest_round_count())), [])
	}),
	v.check((c) => c.teams !== 'manual' || teamNamesOf(c.teamNames).length >= 2, () => m.err_contest_team_names()),
	v.check((c) => c.rounds.every((r, i) => (i === 0 && c.fixedQuestionIds.length > 0) || (r.bankId !== '' && r.count !== undefined)), () => m.err_contest_round_bank())
);
export type ContestInput = v.InferOutput<typeof contestInputSchema>;
