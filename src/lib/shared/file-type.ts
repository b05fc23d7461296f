/**
 * What an uploaded file really is, from its first bytes — never from its name or the browser's
 * claim. Only the types the study pages show are known: pictures, audio, video and PDF. Anything else
 * (HTML, SVG, scripts, archives…) is unknown and refused, so nothing served back can run in the page.
 */
export type FileKind = 'image' | 'audio' | 'video' | 'pdf';

export interface FileType {
	mime: string;
	ext: string;
	kind: FileKind;
}

/** How many leading bytes `sniffFileType` needs. */
export const SNIFF_BYTES = 16;

const ascii = (b: Uint8Array, at: number, text: string) => [...text].every((c, i) => b[at + i] === c.charCodeAt(0));

export function sniffFileType(b: Uint8Array): FileType | null {
	if (b.length < 4) return null;
	if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { mime: 'image/jpeg', ext: 'jpg', kind: 'image' };
	if (ascii(b, 0, '\x89PNG\r\n\x1a\n')) return { mime: 'image/png', ext: 'png', kind: 'image' };
	if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return { mime: 'image/gif', ext: 'gif', kind: 'image' };
	if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return { mime: 'image/webp', ext: 'webp', kind: 'image' };
	if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WAVE')) return { mime: 'audio/wav', ext: 'wav', kind: 'audio' };
	if (ascii(b, 0, '%PDF-')) return { mime: 'application/pdf', ext: 'pdf', kind: 'pdf' };
	if (ascii(b, 0, 'OggS')) return { mime: 'audio/ogg', ext: 'ogg', kind: 'audio' };
	if (ascii(b, 0, 'ID3')) return { mime: 'audio/mpeg', ext: 'mp3', kind: 'audio' };
	if (b[0] === 0xff && (b[1] & 0xf6) === 0xf0) return { mime: 'audio/aac', ext: 'aac', kind: 'audio' };
	if (b[0] === 0xff && (b[1] & 0xe0) === 0xe0) return { mime: 'audio/mpeg', ext: 'mp3', kind: 'audio' };
	if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return { mime: 'video/webm', ext: 'webm', kind: 'video' };
	if (ascii(b, 4, 'ftyp')) {
		const audioOnly = ascii(b, 8, 'M4A ') || ascii(b, 8, 'M4B ');
		return audioOnly ? { mime: 'audio/mp4', ext: 'm4a', kind: 'audio' } : { mime: 'video/mp4', ext: 'mp4', kind: 'video' };
	}
	return null;
}
