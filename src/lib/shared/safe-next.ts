/**
 * Only same-site paths may be redirect targets after sign-in; anything else goes to the fallback.
 * The result is percent-encoded, as a Location header must be (`/manage?q=张` would be refused).
 */
export function safeNext(next: string | null | undefined, fallback = '/study'): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
	const url = new URL(next, 'http://same.site');
	if (url.origin !== 'http://same.site') return fallback;
	return url.pathname + url.search + url.hash;
}
