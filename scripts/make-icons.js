// Draws the app icons (a gold five-pointed star on party red) as PNGs: node scripts/make-icons.js
// No image library: a tiny PNG encoder over node:zlib, with 4×4 supersampling for smooth edges.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const RED = [183, 28, 28];
const GOLD = [243, 193, 75];

function crc32(buf) {
	let c,
		crc = 0xffffffff;
	for (let n = 0; n < buf.length; n++) {
		c = (crc ^ buf[n]) & 0xff;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		crc = (crc >>> 8) ^ c;
	}
	return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([len, body, crc]);
}

function starPolygon(cx, cy, outer, inner) {
	const pts = [];
	for (let i = 0; i < 10; i++) {
		const r = i % 2 === 0 ? outer : inner;
		const a = -Math.PI / 2 + (i * Math.PI) / 5;
		pts.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
	}
	return pts;
}

function inside(x, y, poly) {
	let hit = false;
	for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
		const [xi, yi] = poly[i];
		const [xj, yj] = poly[j];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
	}
	return hit;
}

/** @param {number} size @param {number} starScale share of the icon the star spans (maskable icons keep a safe zone) @param {boolean} rounded */
function icon(size, starScale, rounded) {
	const star = starPolygon(size / 2, size / 2 + size * 0.03, (size / 2) * starScale, (size / 2) * starScale * 0.4);
	const radius = rounded ? size * 0.18 : 0;
	const raw = Buffer.alloc(size * (size * 4 + 1));
	const S = 4;
	for (let y = 0; y < size; y++) {
		raw[y * (size * 4 + 1)] = 0;
		for (let x = 0; x < size; x++) {
			let gold = 0,
				cover = 0;
			for (let sy = 0; sy < S; sy++)
				for (let sx = 0; sx < S; sx++) {
					const px = x + (sx + 0.5) / S,
						py = y + (sy + 0.5) / S;
					const dx = Math.max(radius - px, px - (size - radius), 0),
						dy = Math.max(radius - py, py - (size - radius), 0);
					if (radius && dx * dx + dy * dy > radius * radius) continue;
					cover++;
					if (inside(px, py, star)) gold++;
				}
			const t = cover ? gold / cover : 0;
			const o = y * (size * 4 + 1) + 1 + x * 4;
			for (let c = 0; c < 3; c++) raw[o + c] = Math.round(RED[c] * (1 - t) + GOLD[c] * t);
			raw[o + 3] = Math.round((cover / (S * S)) * 255);
		}
	}
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(size, 0);
	ihdr.writeUInt32BE(size, 4);
	ihdr[8] = 8;
	ihdr[9] = 6;
	return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

writeFileSync('static/icons/icon-192.png', icon(192, 0.72, true));
writeFileSync('static/icons/icon-512.png', icon(512, 0.72, true));
writeFileSync('static/icons/maskable-512.png', icon(512, 0.5, false));
console.log('icons written to static/icons/');
