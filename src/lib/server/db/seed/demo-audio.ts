/**
 * The demo's audio lesson needs a recording, and the repository holds no binary media: this makes a
 * short WAV (8 kHz, 16-bit mono) of a few soft tones — a stand-in for a recorded 党课, marked as such
 * in the lesson text.
 */
const RATE = 8000;
// A pentatonic phrase (Hz) and how long each note lasts (s).
const NOTES: [number, number][] = [
	[392, 0.6], [440, 0.6], [523, 0.9], [440, 0.6], [392, 0.6], [330, 0.9], [294, 0.6], [330, 0.6], [392, 1.2],
	[523, 0.6], [587, 0.6], [659, 0.9], [587, 0.6], [523, 0.6], [440, 0.9], [392, 1.5]
];

export function demoWav(): Uint8Array {
	const samples: number[] = [];
	for (const [freq, seconds] of NOTES) {
		const n = Math.round(seconds * RATE);
		for (let i = 0; i < n; i++) {
			const envelope = Math.min(1, i / 400) * Math.min(1, (n - i) / 800);
			samples.push(Math.round(Math.sin((2 * Math.PI * freq * i) / RATE) * envelope * 9000));
		}
	}
	const data = samples.length * 2;
	const buf = new DataView(new ArrayBuffer(44 + data));
	const text = (at: number, s: string) => [...s].forEach((c, i) => buf.setUint8(at + i, c.charCodeAt(0)));
	text(0, 'RIFF');
	buf.setUint32(4, 36 + data, true);
	text(8, 'WAVE');
	text(12, 'fmt ');
	buf.setUint32(16, 16, true);
	buf.setUint16(20, 1, true); // PCM
	buf.setUint16(22, 1, true); // mono
	buf.setUint32(24, RATE, true);
	buf.setUint32(28, RATE * 2, true);
	buf.setUint16(32, 2, true);
	buf.setUint16(34, 16, true);
	text(36, 'data');
	buf.setUint32(40, data, true);
	samples.forEach((v, i) => buf.setInt16(44 + i * 2, v, true));
	return new Uint8Array(buf.buffer);
}
