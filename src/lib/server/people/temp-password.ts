import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be misread on a printed list (no 0/O, 1/l/I). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** An initial password for a new or reset account; the holder must change it at first sign-in. */
export function tempPassword(length = 10): string {
	let out = '';
	while (!/\d/.test(out) || !/[a-z]/.test(out)) {
		out = Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
	}
	return out;
}
