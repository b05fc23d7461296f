import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';

/** Posts on a 支部委员会, in the order a list of the committee names them. */
export const COMMITTEE_POSTS = ['secretary', 'deputy', 'organisation', 'publicity', 'discipline', 'youth', 'member'] as const;
export type CommitteePost = (typeof COMMITTEE_POSTS)[number];

/** A branch committee has 3–7 members by the rules; a little room above that for 列席 and large branches. */
export const MAX_COMMITTEE = 11;

export const committeePostLabel = (post: CommitteePost): string =>
	({
		secretary: m.post_secretary,
		deputy: m.post_deputy,
		organisation: m.post_organisation,
		publicity: m.post_publicity,
		discipline: m.post_discipline,
		youth: m.post_youth,
		member: m.post_member
	})[post]();

/** The committee form: one post (or none) per member of the branch. One 书记 at most. */
export const committeeSchema = v.pipe(
	v.array(v.object({ userId: v.string(), post: v.picklist(COMMITTEE_POSTS, () => m.err_invalid()) })),
	v.maxLength(MAX_COMMITTEE, () => m.err_committee_many({ max: MAX_COMMITTEE })),
	v.check((rows) => rows.filter((r) => r.post === 'secretary').length <= 1, () => m.err_committee_secretary()),
	v.check((rows) => new Set(rows.map((r) => r.userId)).size === rows.length, () => m.err_invalid())
);

export const postOrder = (post: CommitteePost) => COMMITTEE_POSTS.indexOf(post);
