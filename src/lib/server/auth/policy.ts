import type { AudienceScope } from '../people/audience';
import type { Actor } from '$lib/shared/roles';

/**
 * Who may do what. Every service asks here; routes never decide alone.
 * Scopes are org-unit paths: a unit's path starts with the path of every unit above it.
 */

/** A person as the policy sees them: where they belong and what they run. */
export interface PersonScope {
	userId: string;
	branchPath: string;
	secretaryOfPath: string | null;
	adminOfPath: string | null;
}

const within = (path: string, root: string) => path.startsWith(root);

function adminCovers(actor: Actor, path: string): boolean {
	return actor.adminOf !== null && within(path, actor.adminOf.path);
}

export const policy = {
	/** Members act only on their own data (settings, progress, answers). */
	actOnOwn(actor: Actor, userId: string): boolean {
		return actor.userId === userId;
	},

	/** The management area is for secretaries and admins. */
	openManagement(actor: Actor): boolean {
		return actor.secretaryOf !== null || actor.adminOf !== null;
	},

	/** Read and manage a branch: its secretary, or an admin whose subtree holds it. */
	manageBranch(actor: Actor, branchPath: string): boolean {
		return actor.secretaryOf?.path === branchPath || adminCovers(actor, branchPath);
	},

	/** See a person's profile and records: themselves, or whoever manages their branch. */
	readPerson(actor: Actor, target: PersonScope): boolean {
		return actor.userId === target.userId || this.manageBranch(actor, target.branchPath);
	},

	/**
	 * Edit, deactivate or reset a person. Besides managing their branch, the actor's scope must cover
	 * every role the target holds, so a secretary cannot take over an admin's account by resetting it.
	 */
	managePerson(actor: Actor, target: PersonScope): boolean {
		if (!this.manageBranch(actor, target.branchPath)) return false;
		if (target.adminOfPath !== null && !adminCovers(actor, target.adminOfPath)) return false;
		if (target.secretaryOfPath !== null && !this.manageBranch(actor, target.secretaryOfPath)) return false;
		return true;
	},

	/** Nobody deactivates themselves: the last admin must not lock the organisation out by accident. */
	deactivatePerson(actor: Actor, target: PersonScope): boolean {
		return actor.userId !== target.userId && this.managePerson(actor, target);
	},

	/** Create people in a branch. */
	createPersonIn(actor: Actor, branchPath: string): boolean {
		return this.manageBranch(actor, branchPath);
	},

	/** Make someone secretary of a branch, or admin of a subtree: only admins, and only inside their own subtree. */
	grantRole(actor: Actor, unitPath: string): boolean {
		return adminCovers(actor, unitPath);
	},

	/**
	 * Change someone's roles: an admin whose subtree covers the person's branch and any role they hold
	 * now. Not one's own roles, so nobody demotes themselves out of the organisation by mistake.
	 */
	changeRoles(actor: Actor, target: PersonScope): boolean {
		return actor.userId !== target.userId && adminCovers(actor, target.branchPath) && this.managePerson(actor, target);
	},

	/** Write question banks and import questions: secretaries (for their branch) and admins. */
	writeQuestions(actor: Actor): boolean {
		return actor.secretaryOf !== null || actor.adminOf !== null;
	},

	/** Create and edit a bank owned by a unit (and its questions): the unit's secretary, or an admin above it. */
	manageBank(actor: Actor, ownerPath: string): boolean {
		return actor.secretaryOf?.path === ownerPath || adminCovers(actor, ownerPath);
	},

	/**
	 * See a bank's questions and keys in the management area, to build papers from it: whoever manages
	 * it, and secretaries whose branch lies beneath its owner (an organisation-wide bank).
	 */
	readBank(actor: Actor, ownerPath: string): boolean {
		return this.manageBank(actor, ownerPath) || (actor.secretaryOf !== null && within(actor.secretaryOf.path, ownerPath));
	},

	/** Practise from a bank, keys and all: members beneath its owner, and only from practice banks. */
	practiseBank(actor: Actor, bank: { ownerPath: string; purpose: 'practice' | 'exam' }): boolean {
		return bank.purpose === 'practice' && within(actor.branchPath, bank.ownerPath);
	},

	/** Set, publish, see the results of and mark an exam: as for banks, the owner branch's secretary or an admin above. */
	manageExam(actor: Actor, ownerPath: string): boolean {
		return this.manageBank(actor, ownerPath);
	},

	/** Sit an exam: a member on its list (see `inAudience`). */
	sitExam(actor: Actor, audience: AudienceScope): boolean {
		return this.inAudience(actor, audience);
	},

	/** On a list of exam or plan: named, or inside one of its units (a branch or higher by path, a group by id). */
	inAudience(actor: Actor, audience: AudienceScope): boolean {
		return (
			audience.people.includes(actor.userId) ||
			audience.unitPaths.some((p) => within(actor.branchPath, p)) ||
			(actor.groupId != null && audience.groupIds.includes(actor.groupId))
		);
	},

	/** Write a study module owned by a unit: as for banks, the branch's secretary or an admin above. */
	manageModule(actor: Actor, ownerPath: string): boolean {
		return this.manageBank(actor, ownerPath);
	},

	/** Study a module: published, and owned by the member's branch or a unit above it. */
	studyModule(actor: Actor, module: { ownerPath: string; status: 'draft' | 'published' }): boolean {
		return module.status === 'published' && within(actor.branchPath, module.ownerPath);
	},

	/** Run a study plan (create it, see everyone's progress, remind, export): as for the branch itself. */
	managePlan(actor: Actor, branchPath: string): boolean {
		return this.manageBranch(actor, branchPath);
	},

	/** Review 学习心得: the secretary of the branch they were written in, or an admin above it. */
	reviewReflection(actor: Actor, branchPath: string): boolean {
		return this.manageBranch(actor, branchPath);
	},

	/**
	 * Read a reflection: its author, its reviewers, and — where its plan opened peer comments — the
	 * other members of the same branch, who may then also comment on it.
	 */
	readReflection(actor: Actor, r: { userId: string; branchPath: string; peerComments: boolean }): boolean {
		return actor.userId === r.userId || this.reviewReflection(actor, r.branchPath) || this.commentOnReflection(actor, r);
	},

	commentOnReflection(actor: Actor, r: { userId: string; branchPath: string; peerComments: boolean }): boolean {
		return r.peerComments && actor.branchPath === r.branchPath;
	},

	/** Host a contest (run it on the projector): as for exams, whoever manages its owner unit. */
	hostContest(actor: Actor, ownerPath: string): boolean {
		return this.manageBank(actor, ownerPath);
	},

	/** Join a contest without signing in, under a nickname: only where its host switched guests on. */
	joinContestAsGuest(contest: { guests?: boolean }): boolean {
		return contest.guests === true;
	},

	/** Play in a contest: members of its owner unit and everything beneath it. */
	playContest(actor: Actor, ownerPath: string): boolean {
		return within(actor.branchPath, ownerPath);
	},

	/** Run a branch's 三会一课 (meetings, check-in screen, marks, leave, minutes): as for the branch itself. */
	manageMeeting(actor: Actor, branchPath: string): boolean {
		return this.manageBranch(actor, branchPath);
	},

	/** Check in, ask for leave and do the 补学 of a meeting: a member on its list. */
	attendMeeting(actor: Actor, audience: AudienceScope): boolean {
		return this.inAudience(actor, audience);
	},

	/** Upload pictures, audio, video and PDFs for modules: whoever may write modules (secretaries and admins). */
	uploadFile(actor: Actor): boolean {
		return actor.secretaryOf !== null || actor.adminOf !== null;
	},

	/** Organisation-wide settings (the daily review cap…): admins of a whole organisation (a root unit). */
	manageAppSettings(actor: Actor): boolean {
		return actor.adminOf !== null && actor.adminOf.path.split('/').filter(Boolean).length === 1;
	},

	/** Half-year and annual reports, dashboards and rankings of a unit's subtree: its secretary (a branch) or an admin above it. */
	readReports(actor: Actor, unitPath: string): boolean {
		return this.manageBranch(actor, unitPath);
	},

	/** Give a member their overall grade for a period (考评): whoever manages their branch. */
	evaluateMember(actor: Actor, branchPath: string): boolean {
		return this.manageBranch(actor, branchPath);
	},

	/** Set the 学习积分 rules and their daily caps: as for other organisation-wide settings. */
	managePointRules(actor: Actor): boolean {
		return this.manageAppSettings(actor);
	},

	/** The log of management actions: admins, for their subtree. */
	readAuditLog(actor: Actor): boolean {
		return actor.adminOf !== null;
	},

	/** Move a member to another branch: whoever manages them where they are and may add people where they go. */
	movePerson(actor: Actor, target: PersonScope, toBranchPath: string): boolean {
		return this.managePerson(actor, target) && this.createPersonIn(actor, toBranchPath);
	},

	/** Add, rename or move units of the organisation tree. */
	manageOrgUnit(actor: Actor, unitPath: string): boolean {
		return adminCovers(actor, unitPath);
	},

	/** The root of what the actor may see in the management area, or null. Admin scope wins over secretary scope. */
	managementRoot(actor: Actor): string | null {
		return actor.adminOf?.path ?? actor.secretaryOf?.path ?? null;
	}
};
