import * as v from 'valibot';
import { STAKES } from './scoring';

/** Bodies of the contest's POST endpoints. */
export const joinSchema = v.object({ code: v.pipe(v.string(), v.trim(), v.maxLength(12)) });
export const guestJoinSchema = v.object({ code: v.pipe(v.string(), v.trim(), v.maxLength(12)), nickname: v.optional(v.pipe(v.string(), v.maxLength(200))) });

export const hostSchema = v.object({
	expectSeq: v.pipe(v.number(), v.integer(), v.minValue(0)),
	command: v.variant('type', [
		v.object({ type: v.picklist(['start', 'next', 'pause', 'resume', 'skip', 'end']) }),
		v.object({ type: v.literal('addTime'), seconds: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(120)) }),
		v.object({ type: v.picklist(['remove', 'readmit']), playerId: v.pipe(v.string(), v.maxLength(64)) }),
		v.object({ type: v.literal('setTeam'), playerId: v.pipe(v.string(), v.maxLength(64)), teamId: v.nullable(v.pipe(v.string(), v.maxLength(16))) })
	])
});

export const playSchema = v.variant('type', [
	v.object({ type: v.literal('answer'), response: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(10)) }),
	v.object({ type: v.literal('buzz') }),
	v.object({ type: v.literal('stake'), stake: v.picklist(STAKES) })
]);
