/**
 * "Faster than a person can read the question": one second plus 50 ms per character of the stem
 * (a brisk reader manages about 8 Chinese characters a second; this allows 20). Flagged for the
 * secretary to look at, never blocked: a member may know the answer at a glance.
 */
export function minReadMs(stem: string): number {
	return 1000 + 50 * [...stem].length;
}

export function answeredTooFast(stem: string, ms: number | null): boolean {
	return ms !== null && ms < minReadMs(stem);
}
