/** Only same-site paths may be redirect targets after sign-in; anything else goes to the fallback. */
export function safeNext(next: string | null | undefined, fallback = '/study'): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
	return next;
}
