import { describe, expect, it } from 'vitest';
import { sniffFileType } from './file-type';

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)).concat(Array(16).fill(0)));

describe('sniffFileType', () => {
	it('knows pictures, audio, video and PDF by their first bytes', () => {
		expect(sniffFileType(bytes([0xff, 0xd8, 0xff, 0xe0]))?.mime).toBe('image/jpeg');
		expect(sniffFileType(bytes('\x89PNG\r\n\x1a\n'))?.mime).toBe('image/png');
		expect(sniffFileType(bytes('GIF89a'))?.mime).toBe('image/gif');
		expect(sniffFileType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))?.mime).toBe('image/webp');
		expect(sniffFileType(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toEqual({ mime: 'audio/wav', ext: 'wav', kind: 'audio' });
		expect(sniffFileType(bytes('ID3', [4, 0]))).toMatchObject({ kind: 'audio', ext: 'mp3' });
		expect(sniffFileType(bytes([0xff, 0xfb, 0x90, 0x64]))).toMatchObject({ kind: 'audio', ext: 'mp3' });
		expect(sniffFileType(bytes('OggS'))).toMatchObject({ kind: 'audio' });
		expect(sniffFileType(bytes([0, 0, 0, 0x20], 'ftypM4A '))).toMatchObject({ mime: 'audio/mp4' });
		expect(sniffFileType(bytes([0, 0, 0, 0x20], 'ftypisom'))).toMatchObject({ mime: 'video/mp4', kind: 'video' });
		expect(sniffFileType(bytes([0x1a, 0x45, 0xdf, 0xa3]))).toMatchObject({ kind: 'video' });
		expect(sniffFileType(bytes('%PDF-1.7'))).toMatchObject({ kind: 'pdf' });
	});

	it('refuses what could run in a page or is not media, whatever the name says', () => {
		for (const text of ['<!DOCTYPE html><script>', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">', '<?xml version="1.0"?>', 'PK\x03\x04zip', 'MZ\x90\x00exe', '#!/bin/sh\nrm', '{"json": true}']) {
			expect(sniffFileType(bytes(text)), text).toBeNull();
		}
		expect(sniffFileType(new Uint8Array([0xff]))).toBeNull();
	});
});
