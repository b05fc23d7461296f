import { describe, expect, it } from 'vitest';
import { PracticeSession } from './practice-session.svelte';
import type { PracticeQuestion } from '$lib/shared/quiz/practice-schemas';

const base = { version: 1, bankId: 'b', stemHtml: '', options: [], answer: [], blanks: [], orderFree: false, caseInsensitive: false, explanation: '解析', tags: [], partialCredit: 0.5 };
const questions: PracticeQuestion[] = [
	{ ...base, id: 'q1', type: 'multiple', stem: '多选', options: ['A', 'B', 'C'].map((key) => ({ key, text: key })), answer: ['A', 'C'] },
	{ ...base, id: 'q2', type: 'fill', stem: '_____', blanks: [['党支部', '支部']] },
	{ ...base, id: 'q3', type: 'judge', stem: '判断', answer: ['true'] }
];

function session() {
	// structuredClone is what IndexedDB does to an outbox payload: a reactive proxy would throw here.
	const sent: { kind: string; payload: unknown }[] = [];
	let clock = 1_000;
	const s = new PracticeSession(questions, 'practice', { enqueue: async (kind, payload) => (sent.push({ kind, payload: structuredClone(payload) }), {} as never) }, undefined, () => clock);
	return { s, sent, tick: (ms: number) => (clock += ms) };
}

describe('a practice run', () => {
	it('grades at once with partial credit, queues the answer with the time taken, and locks it', async () => {
		const { s, sent, tick } = session();
		s.choose('A');
		expect(s.canSubmit).toBe(true);
		tick(4_000);
		expect(await s.submit()).toEqual({ correct: false, score: 0.5 });
		expect(sent).toEqual([{ kind: 'practice.answer', payload: { questionId: 'q1', version: 1, mode: 'practice', response: ['A'], ms: 4_000 } }]);
		s.choose('C');
		expect(s.response).toEqual(['A']);
		expect(await s.submit()).toBeNull();
		expect(s.wrong).toBe(1);
	});

	it('accepts any listed alternative in a blank and counts the run to the end', async () => {
		const { s } = session();
		s.choose('A');
		s.choose('C');
		await s.submit();
		s.next();
		s.setBlank(0, ' 支部 ');
		expect(await s.submit()).toEqual({ correct: true, score: 1 });
		s.next();
		s.choose('false');
		await s.submit();
		s.next();
		expect(s.finished).toBe(true);
		expect([s.right, s.wrong]).toEqual([2, 1]);
	});

	it('does not submit an empty answer or move on before answering', async () => {
		const { s, sent } = session();
		expect(s.canSubmit).toBe(false);
		expect(await s.submit()).toBeNull();
		s.next();
		expect(s.index).toBe(0);
		expect(sent).toEqual([]);
	});
});
