import { describe, expect, it } from 'vitest';
import { afterAnswer } from './mistakes';

const at = (iso: string) => Date.parse(iso);

describe('错题本 rule', () => {
	it('takes a question in on a wrong answer and lets it out after right answers on two different days', () => {
		let e = afterAnswer(null, false, at('2026-11-01T02:00:00Z'));
		expect(e).toMatchObject({ wrongCount: 1, rightDays: [] });
		e = afterAnswer(e, true, at('2026-11-01T03:00:00Z'));
		e = afterAnswer(e, true, at('2026-11-01T09:00:00Z')); // same Beijing day: still one day
		expect(e?.rightDays).toEqual(['2026-11-01']);
		e = afterAnswer(e, true, at('2026-11-02T01:00:00Z'));
		expect(e).toBeNull();
	});

	it('counts days in Beijing time: 23:30 and 00:30 the next day are two days', () => {
		let e = afterAnswer(null, false, at('2026-11-01T10:00:00Z'));
		e = afterAnswer(e, true, at('2026-11-01T15:30:00Z')); // 23:30 Beijing
		e = afterAnswer(e, true, at('2026-11-01T16:30:00Z')); // 00:30 Beijing, next day
		expect(e).toBeNull();
	});

	it('starts the count again after another wrong answer', () => {
		let e = afterAnswer(null, false, at('2026-11-01T02:00:00Z'));
		e = afterAnswer(e, true, at('2026-11-02T02:00:00Z'));
		e = afterAnswer(e, false, at('2026-11-03T02:00:00Z'));
		expect(e).toMatchObject({ wrongCount: 2, rightDays: [] });
		e = afterAnswer(e, true, at('2026-11-04T02:00:00Z'));
		expect(e).not.toBeNull();
	});

	it('leaves a question never answered wrongly out of the book, and ignores a late older right answer', () => {
		expect(afterAnswer(null, true, at('2026-11-01T02:00:00Z'))).toBeNull();
		const e = afterAnswer(null, false, at('2026-11-05T02:00:00Z'));
		expect(afterAnswer(e, true, at('2026-11-04T02:00:00Z'))).toBe(e);
	});
});
