import type { Db } from '../db/client';
import { preparedFor } from '../db/prepared';
import type { CommitteePost } from '$lib/shared/committee';

export interface CommitteeRow {
	userId: string;
	name: string;
	phone: string;
	post: CommitteePost;
}

const statements = preparedFor((db) => {
	const c = db.$client;
	return {
		// Only active members still in the branch: someone moved away or deactivated leaves the committee by that.
		list: c.prepare<[string], CommitteeRow>(
			`SELECT u.id AS userId, u.name, u.phone, k.post FROM committee_members k JOIN users u ON u.id = k.user_id
			  WHERE k.branch_id = ? AND u.branch_id = k.branch_id AND u.active = 1`
		),
		clear: c.prepare('DELETE FROM committee_members WHERE branch_id = ?'),
		add: c.prepare('INSERT INTO committee_members (branch_id, user_id, post, updated_at) VALUES (?, ?, ?, ?)')
	};
});

/** All SQL for a branch's 支部委员会. */
export function committeeRepo(db: Db) {
	const s = statements(db);
	return {
		list: (branchId: string) => s.list.all(branchId),
		/** The committee as a whole: the form always sends everyone, so it is replaced in one transaction. */
		replace: (branchId: string, rows: { userId: string; post: CommitteePost }[], now: number) =>
			db.$client.transaction(() => {
				s.clear.run(branchId);
				for (const r of rows) s.add.run(branchId, r.userId, r.post, now);
			})()
	};
}
