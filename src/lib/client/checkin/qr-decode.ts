/**
 * Read a QR code from a picture or a video frame: the browser's own BarcodeDetector where it has one
 * (Chrome on most Android phones), else jsQR — loaded only when first needed, and precached by the
 * service worker like every build file, so scanning works offline too.
 */
interface Detector {
	detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
declare global {
	interface Window {
		BarcodeDetector?: { new (opts: { formats: string[] }): Detector; getSupportedFormats(): Promise<string[]> };
	}
}

let native: Promise<Detector | null> | null = null;
function nativeDetector(): Promise<Detector | null> {
	native ??= (async () => {
		const BD = window.BarcodeDetector;
		if (!BD) return null;
		try {
			return (await BD.getSupportedFormats()).includes('qr_code') ? new BD({ formats: ['qr_code'] }) : null;
		} catch {
			return null;
		}
	})();
	return native;
}

let canvas: HTMLCanvasElement | null = null;

/** The text of a QR code in the picture, or null. Large photos are scaled down first (phones take 12-megapixel pictures). */
export async function decodeQr(source: HTMLVideoElement | ImageBitmap | HTMLImageElement, width: number, height: number): Promise<string | null> {
	const detector = await nativeDetector();
	if (detector) {
		try {
			const found = await detector.detect(source);
			if (found[0]) return found[0].rawValue;
		} catch {
			// Some implementations refuse some sources; jsQR below still reads the pixels.
		}
	}
	const scale = Math.min(1, 1024 / Math.max(width, height));
	const w = Math.round(width * scale);
	const h = Math.round(height * scale);
	canvas ??= document.createElement('canvas');
	canvas.width = w;
	canvas.height = h;
	const ctx = canvas.getContext('2d', { willReadFrequently: true });
	if (!ctx) return null;
	ctx.drawImage(source, 0, 0, w, h);
	const { default: jsQR } = await import('jsqr');
	return jsQR(ctx.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: 'attemptBoth' })?.data ?? null;
}

/** A photo from `<input type=file capture>` (works on plain http, where the live camera is not allowed). */
export async function decodeQrFile(file: Blob): Promise<string | null> {
	const bitmap = await createImageBitmap(file);
	try {
		return await decodeQr(bitmap, bitmap.width, bitmap.height);
	} finally {
		bitmap.close();
	}
}
