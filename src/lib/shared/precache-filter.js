// Plain JS so both the service worker and scripts/check-budget.js use the same rule.

/**
 * Whether a build or static file belongs in the service worker's precache.
 * Source maps and OS clutter never do; large media is left to runtime caching.
 * @param {string} path URL path of the file, e.g. `/_app/immutable/chunks/x.js`
 * @returns {boolean}
 */
export function shouldPrecache(path) {
	if (path.endsWith('.map')) return false;
	if (/(^|\/)\.[^/]+$/.test(path)) return false;
	if (/\.(mp4|webm|mp3|m4a|pdf|zip)$/i.test(path)) return false;
	// Libraries of the management report pages (scripts/vendor.js): members never need them offline.
	if (path.startsWith('/vendor/')) return false;
	return true;
}
