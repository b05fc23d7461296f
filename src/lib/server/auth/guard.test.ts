import { describe, expect, it } from 'vitest';
import { decide } from './guard';
import { SUDO_MS, type SessionUser, type ValidSession } from './session';
import type { Actor } from '$lib/shared/roles';

const NOW = Date.UTC(2026, 10, 1);
const user = (mustChangePassword = false) => ({ id: 'u', mustChangePassword }) as SessionUser;
const session = (passwordAt = NOW) => ({ id: 's', passwordAt }) as ValidSession;
const member = { userId: 'u', branchId: 'a', branchPath: '/c/a/', secretaryOf: null, adminOf: null } satisfies Actor;
const secretary = { ...member, secretaryOf: { id: 'a', path: '/c/a/' } } satisfies Actor;
const anon = { user: null, session: null, actor: null };

describe('route guard', () => {
	it('sends visitors to sign in, and answers APIs with 401', () => {
		expect(decide('/(member)/study', anon, NOW).kind).toBe('login');
		// A contest's player page and its calls let guests through; each contest decides whether to seat them.
		expect(decide('/(play)/c/[code]', anon, NOW).kind).toBe('pass');
		expect(decide('/api/contests/[contestId]/play', anon, NOW).kind).toBe('pass');
		expect(decide('/api/contests/join', anon, NOW).kind).toBe('unauthorized');
		expect(decide('/api/contests/[contestId]/host', anon, NOW).kind).toBe('unauthorized');
		expect(decide('/api/sync', anon, NOW).kind).toBe('unauthorized');
		expect(decide('/(public)/login', anon, NOW).kind).toBe('pass');
		expect(decide('/healthz', anon, NOW).kind).toBe('pass');
		// The check-in QR's page signs a good scan before it sends a stranger to sign in; its live list is for hosts.
		expect(decide('/(public)/k/[meetingId]', anon, NOW).kind).toBe('pass');
		expect(decide('/api/meetings/[meetingId]/live', anon, NOW).kind).toBe('unauthorized');
	});
	it('forbids management and projector pages to members', () => {
		const who = { user: user(), session: session(), actor: member };
		expect(decide('/(manage)/manage', who, NOW).kind).toBe('forbidden');
		expect(decide('/(display)/display', who, NOW).kind).toBe('forbidden');
		expect(decide('/(member)/me', who, NOW).kind).toBe('pass');
	});
	it('asks a manager for the password again after 12 hours', () => {
		expect(decide('/(manage)/manage', { user: user(), session: session(NOW), actor: secretary }, NOW).kind).toBe('pass');
		expect(decide('/(manage)/manage', { user: user(), session: session(NOW - SUDO_MS - 1), actor: secretary }, NOW).kind).toBe('sudo');
	});
	it('sends someone with an initial password to change it first', () => {
		const who = { user: user(true), session: session(), actor: member };
		expect(decide('/(member)/study', who, NOW).kind).toBe('change-password');
		expect(decide('/(public)/password', who, NOW).kind).toBe('pass');
	});
});
