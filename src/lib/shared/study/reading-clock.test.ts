import { describe, expect, it } from 'vitest';
import { IDLE_MS, ReadingClock } from './reading-clock';

const T0 = 1_800_000_000_000;
const s = (n: number) => T0 + n * 1000;

describe('ReadingClock', () => {
	it('counts nothing until the member does something', () => {
		const clock = new ReadingClock(T0);
		expect(clock.take(s(300))).toBeNull();
	});

	it('counts time after each interaction for at most a minute', () => {
		const clock = new ReadingClock(T0);
		clock.interact(s(0));
		expect(clock.take(s(200))).toEqual({ fromAt: s(0), toAt: s(60), ms: IDLE_MS });
	});

	it('keeps counting while the member keeps scrolling', () => {
		const clock = new ReadingClock(T0);
		for (let t = 0; t <= 300; t += 30) clock.interact(s(t));
		expect(clock.take(s(300))?.ms).toBe(300_000);
	});

	it('stops while the page is hidden, even right after a tap', () => {
		const clock = new ReadingClock(T0);
		clock.interact(s(0));
		clock.visibility(false, s(10));
		clock.interact(s(20)); // a hidden page cannot be tapped; ignored
		clock.visibility(true, s(100));
		expect(clock.take(s(200))?.ms).toBe(10_000);
	});

	it('counts while media plays with no taps, and for a minute after it stops on a visible page', () => {
		const clock = new ReadingClock(T0);
		clock.media(true, s(0));
		clock.media(false, s(600));
		expect(clock.take(s(1000))?.ms).toBe(660_000);
	});

	it('counts audio played with the screen off, but not after it stops', () => {
		const clock = new ReadingClock(T0);
		clock.media(true, s(0));
		clock.visibility(false, s(5));
		clock.media(false, s(600));
		expect(clock.take(s(1000))?.ms).toBe(600_000);
	});

	it('hands each span over once', () => {
		const clock = new ReadingClock(T0);
		clock.interact(s(0));
		expect(clock.take(s(15))).toEqual({ fromAt: s(0), toAt: s(15), ms: 15_000 });
		expect(clock.take(s(15))).toBeNull();
		expect(clock.take(s(30))).toEqual({ fromAt: s(15), toAt: s(30), ms: 15_000 });
	});

	it('ignores a clock that runs backwards', () => {
		const clock = new ReadingClock(s(100));
		clock.interact(s(100));
		clock.interact(s(50));
		expect(clock.peek(s(110))).toBe(10_000);
	});
});
