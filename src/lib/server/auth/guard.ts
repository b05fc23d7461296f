import type { Actor } from '$lib/shared/roles';
import { policy } from './policy';
import { needsSudo, type SessionUser, type ValidSession } from './session';

export type GuardDecision =
	| { kind: 'pass' }
	| { kind: 'login' }
	| { kind: 'change-password' }
	| { kind: 'sudo' }
	| { kind: 'forbidden' }
	| { kind: 'unauthorized' };

/** Pages anyone may open, signed in or not. The check-in QR's page signs the scan before sending a stranger to sign in. */
const PUBLIC_ROUTES = new Set(['/(public)/login', '/(public)/logout', '/offline', '/healthz', '/', '/(public)/k/[meetingId]']);

/** A contest's player page and the calls it makes: open to guests (each contest decides whether it lets them in). */
const GUEST_ROUTES = new Set(['/(play)/c/[code]', '/api/contests/guest', '/api/contests/[contestId]/stream', '/api/contests/[contestId]/play']);

/**
 * What a request may do, decided from its route alone, before any load or action runs:
 * member pages need a session, management pages need a manager with a fresh password, APIs answer 401.
 */
export function decide(routeId: string | null, who: { user: SessionUser | null; session: ValidSession | null; actor: Actor | null }, now = Date.now()): GuardDecision {
	if (routeId === null || PUBLIC_ROUTES.has(routeId)) return { kind: 'pass' };
	const isApi = routeId.startsWith('/api/');
	if (!who.user && GUEST_ROUTES.has(routeId)) return { kind: 'pass' };
	if (!who.user || !who.session || !who.actor) return { kind: isApi ? 'unauthorized' : 'login' };
	if (who.user.mustChangePassword && routeId !== '/(public)/password') return { kind: isApi ? 'forbidden' : 'change-password' };
	if (routeId.startsWith('/(manage)') || routeId.startsWith('/(display)')) {
		if (!policy.openManagement(who.actor)) return { kind: 'forbidden' };
		if (routeId.startsWith('/(manage)') && needsSudo(who.session, now)) return { kind: 'sudo' };
	}
	return { kind: 'pass' };
}
