import { describe, expect, it } from 'vitest';
import type { Actor } from '$lib/shared/roles';
import { policy, type PersonScope } from './policy';

// 党委 /c/ with branches /c/a/ (机关第一) and /c/b/ (离退休), and a second 党委 /x/ elsewhere.
const A = '/c/a/';
const B = '/c/b/';
const base = { secretaryOf: null, adminOf: null };
const member: Actor = { ...base, userId: 'm', branchId: 'a', branchPath: A };
const secretaryA: Actor = { ...base, userId: 's', branchId: 'a', branchPath: A, secretaryOf: { id: 'a', path: A } };
const admin: Actor = { ...base, userId: 'adm', branchId: 'a', branchPath: A, adminOf: { id: 'c', path: '/c/' } };
const otherAdmin: Actor = { ...base, userId: 'adm2', branchId: 'y', branchPath: '/x/y/', adminOf: { id: 'x', path: '/x/' } };

const person = (userId: string, branchPath: string, extra: Partial<PersonScope> = {}): PersonScope => ({ userId, branchPath, secretaryOfPath: null, adminOfPath: null, ...extra });
const memberOfA = person('m2', A);
const memberOfB = person('m3', B);

describe('policy matrix: member / secretary / admin × own / other branch', () => {
	const cases: [string, Actor, PersonScope, { read: boolean; manage: boolean }][] = [
		['member → self', member, person('m', A), { read: true, manage: false }],
		['member → own branch', member, memberOfA, { read: false, manage: false }],
		['member → other branch', member, memberOfB, { read: false, manage: false }],
		['secretary → own branch', secretaryA, memberOfA, { read: true, manage: true }],
		['secretary → other branch', secretaryA, memberOfB, { read: false, manage: false }],
		['admin → own subtree, branch A', admin, memberOfA, { read: true, manage: true }],
		['admin → own subtree, branch B', admin, memberOfB, { read: true, manage: true }],
		['admin → another organisation', otherAdmin, memberOfA, { read: false, manage: false }]
	];
	for (const [name, actor, target, expected] of cases) {
		it(name, () => {
			expect(policy.readPerson(actor, target)).toBe(expected.read);
			expect(policy.managePerson(actor, target)).toBe(expected.manage);
		});
	}

	it('lets only secretaries and admins into management', () => {
		expect(policy.openManagement(member)).toBe(false);
		expect(policy.openManagement(secretaryA)).toBe(true);
		expect(policy.openManagement(admin)).toBe(true);
	});

	it('keeps members to their own data', () => {
		expect(policy.actOnOwn(member, 'm')).toBe(true);
		expect(policy.actOnOwn(member, 'm2')).toBe(false);
		expect(policy.actOnOwn(secretaryA, 'm')).toBe(false);
	});

	it('does not let a secretary take over an admin account in their branch', () => {
		const adminInA = person('adm', A, { adminOfPath: '/c/' });
		expect(policy.readPerson(secretaryA, adminInA)).toBe(true);
		expect(policy.managePerson(secretaryA, adminInA)).toBe(false);
		expect(policy.managePerson(admin, adminInA)).toBe(true);
	});

	it('does not let the secretary of one branch manage the secretary of another, even inside their own', () => {
		const secretaryOfBLivingInA = person('s2', A, { secretaryOfPath: B });
		expect(policy.managePerson(secretaryA, secretaryOfBLivingInA)).toBe(false);
		expect(policy.managePerson(admin, secretaryOfBLivingInA)).toBe(true);
	});

	it('never lets anyone deactivate themselves', () => {
		expect(policy.deactivatePerson(admin, person('adm', A, { adminOfPath: '/c/' }))).toBe(false);
		expect(policy.deactivatePerson(admin, memberOfB)).toBe(true);
	});

	it('leaves the organisation tree and roles to admins of the subtree', () => {
		expect(policy.manageOrgUnit(secretaryA, A)).toBe(false);
		expect(policy.manageOrgUnit(admin, A)).toBe(true);
		expect(policy.manageOrgUnit(otherAdmin, A)).toBe(false);
		expect(policy.grantRole(secretaryA, A)).toBe(false);
		expect(policy.grantRole(admin, B)).toBe(true);
	});

	it('scopes the management area: admins see their subtree, secretaries their branch', () => {
		expect(policy.managementRoot(admin)).toBe('/c/');
		expect(policy.managementRoot(secretaryA)).toBe(A);
		expect(policy.managementRoot(member)).toBeNull();
	});
});

describe('changing roles', () => {
	it('is for admins over the person, never on oneself', () => {
		expect(policy.changeRoles(admin, memberOfB)).toBe(true);
		expect(policy.changeRoles(secretaryA, memberOfA)).toBe(false);
		expect(policy.changeRoles(admin, person('adm', A, { adminOfPath: '/c/' }))).toBe(false);
		expect(policy.changeRoles(otherAdmin, memberOfA)).toBe(false);
	});
});

describe('question banks', () => {
	it('are written by secretaries and admins, not members', () => {
		expect(policy.writeQuestions(member)).toBe(false);
		expect(policy.writeQuestions(secretaryA)).toBe(true);
		expect(policy.writeQuestions(admin)).toBe(true);
	});
});

describe('policy matrix: question banks', () => {
	const orgBank = { ownerPath: '/c/', purpose: 'practice' as const };
	const branchBankA = { ownerPath: A, purpose: 'practice' as const };
	const examBankA = { ownerPath: A, purpose: 'exam' as const };
	const branchBankB = { ownerPath: B, purpose: 'practice' as const };
	const cases: [string, Actor, { ownerPath: string; purpose: 'practice' | 'exam' }, { manage: boolean; read: boolean; practise: boolean }][] = [
		['member → organisation bank', member, orgBank, { manage: false, read: false, practise: true }],
		['member → own branch bank', member, branchBankA, { manage: false, read: false, practise: true }],
		['member → own branch exam bank', member, examBankA, { manage: false, read: false, practise: false }],
		['member → other branch bank', member, branchBankB, { manage: false, read: false, practise: false }],
		['secretary → own branch bank', secretaryA, branchBankA, { manage: true, read: true, practise: true }],
		['secretary → organisation bank', secretaryA, orgBank, { manage: false, read: true, practise: true }],
		['secretary → other branch bank', secretaryA, branchBankB, { manage: false, read: false, practise: false }],
		['admin → organisation bank', admin, orgBank, { manage: true, read: true, practise: true }],
		['admin → other branch bank in subtree', admin, branchBankB, { manage: true, read: true, practise: false }],
		['admin → another organisation', otherAdmin, orgBank, { manage: false, read: false, practise: false }]
	];
	for (const [name, actor, bank, expected] of cases) {
		it(name, () => {
			expect(policy.manageBank(actor, bank.ownerPath)).toBe(expected.manage);
			expect(policy.readBank(actor, bank.ownerPath)).toBe(expected.read);
			expect(policy.practiseBank(actor, bank)).toBe(expected.practise);
		});
	}
});

describe('policy: organisation-wide settings', () => {
	it('are for admins of a whole organisation only', () => {
		expect(policy.manageAppSettings(admin)).toBe(true);
		expect(policy.manageAppSettings(secretaryA)).toBe(false);
		expect(policy.manageAppSettings(member)).toBe(false);
		expect(policy.manageAppSettings({ ...admin, adminOf: { id: 'a', path: A } })).toBe(false);
	});
});

describe('policy matrix: study modules', () => {
	const cases: [string, Actor, { ownerPath: string; status: 'draft' | 'published' }, { manage: boolean; study: boolean }][] = [
		['member → published organisation module', member, { ownerPath: '/c/', status: 'published' }, { manage: false, study: true }],
		['member → draft module', member, { ownerPath: '/c/', status: 'draft' }, { manage: false, study: false }],
		['member → other branch module', member, { ownerPath: B, status: 'published' }, { manage: false, study: false }],
		['secretary → own branch module', secretaryA, { ownerPath: A, status: 'draft' }, { manage: true, study: false }],
		['secretary → organisation module', secretaryA, { ownerPath: '/c/', status: 'published' }, { manage: false, study: true }],
		['admin → branch module in subtree', admin, { ownerPath: B, status: 'published' }, { manage: true, study: false }],
		['admin → another organisation', otherAdmin, { ownerPath: '/c/', status: 'published' }, { manage: false, study: false }]
	];
	for (const [name, actor, mod, expected] of cases) {
		it(name, () => {
			expect(policy.manageModule(actor, mod.ownerPath)).toBe(expected.manage);
			expect(policy.studyModule(actor, mod)).toBe(expected.study);
		});
	}
});


describe('policy matrix: study plans and reflections', () => {
	const memberB: Actor = { ...base, userId: 'mb', branchId: 'b', branchPath: B };
	const ownReflection = { userId: 'm', branchPath: A, peerComments: false };
	const peerOpen = { userId: 'm2', branchPath: A, peerComments: true };
	const cases: [string, Actor, { plan: boolean; review: boolean; readOwn: boolean; commentOpen: boolean; readClosed: boolean }][] = [
		['member of the branch', member, { plan: false, review: false, readOwn: true, commentOpen: true, readClosed: false }],
		['member of another branch', memberB, { plan: false, review: false, readOwn: false, commentOpen: false, readClosed: false }],
		['secretary of the branch', secretaryA, { plan: true, review: true, readOwn: true, commentOpen: true, readClosed: true }],
		['admin above it', admin, { plan: true, review: true, readOwn: true, commentOpen: true, readClosed: true }],
		['admin of another organisation', otherAdmin, { plan: false, review: false, readOwn: false, commentOpen: false, readClosed: false }]
	];
	for (const [name, actor, expected] of cases) {
		it(name, () => {
			expect(policy.managePlan(actor, A)).toBe(expected.plan);
			expect(policy.reviewReflection(actor, A)).toBe(expected.review);
			expect(policy.readReflection(actor, ownReflection)).toBe(expected.readOwn);
			expect(policy.readReflection(actor, peerOpen) && policy.commentOnReflection(actor, peerOpen)).toBe(expected.commentOpen);
			expect(policy.readReflection(actor, { ...peerOpen, peerComments: false })).toBe(expected.readClosed);
		});
	}

	it('puts a member on a plan by branch path, by group or by name', () => {
		const inGroup: Actor = { ...member, groupId: 'g1' };
		expect(policy.inAudience(member, { unitPaths: ['/c/'], groupIds: [], people: [] })).toBe(true);
		expect(policy.inAudience(member, { unitPaths: [B], groupIds: [], people: [] })).toBe(false);
		expect(policy.inAudience(inGroup, { unitPaths: [], groupIds: ['g1'], people: [] })).toBe(true);
		expect(policy.inAudience(member, { unitPaths: [], groupIds: ['g1'], people: ['m'] })).toBe(true);
	});
});

describe('policy matrix: 三会一课 meetings', () => {
	const secretaryB: Actor = { ...base, userId: 's2', branchId: 'b', branchPath: B, secretaryOf: { id: 'b', path: B } };
	const cases: [string, Actor, boolean][] = [
		['member', member, false],
		['secretary of the branch', secretaryA, true],
		['secretary of another branch', secretaryB, false],
		['admin above', admin, true],
		['admin of another organisation', otherAdmin, false]
	];
	for (const [name, actor, manage] of cases) {
		it(`${name} ${manage ? 'runs' : 'does not run'} branch A's meetings (check-in screen, marks, leave, minutes)`, () => {
			expect(policy.manageMeeting(actor, A)).toBe(manage);
		});
	}

	it('lets in for check-in, leave and 补学 only the people on the meeting’s list', () => {
		const grouped: Actor = { ...member, groupId: 'g1' };
		expect(policy.attendMeeting(member, { unitPaths: [A], groupIds: [], people: [] })).toBe(true);
		expect(policy.attendMeeting(member, { unitPaths: [B], groupIds: [], people: [] })).toBe(false);
		expect(policy.attendMeeting(grouped, { unitPaths: [], groupIds: ['g1'], people: [] })).toBe(true);
		expect(policy.attendMeeting(member, { unitPaths: [], groupIds: ['g1'], people: [] })).toBe(false);
		expect(policy.attendMeeting(member, { unitPaths: [], groupIds: [], people: ['m'] })).toBe(true);
	});
});
