import { fail, redirect } from '@sveltejs/kit';
import { committeeBranches, committeeForm, setCommittee } from '$lib/server/people/committee-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const branches = await committeeBranches(locals.db, locals.actor!);
	const branchId = url.searchParams.get('branch') ?? branches[0]?.id;
	if (!branchId) return { branches, form: null };
	return { branches, form: await committeeForm(locals.db, locals.actor!, branchId) };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const form = await request.formData();
		const branchId = String(form.get('branchId') ?? '');
		const rows = form
			.getAll('userId')
			.map(String)
			.map((userId) => ({ userId, post: String(form.get(`post-${userId}`) ?? '') }))
			.filter((r) => r.post);
		const r = await setCommittee(locals.db, locals.actor!, branchId, rows);
		if (!r.ok) return fail(400, { message: r.message });
		redirect(303, `/manage/meetings/committee?branch=${branchId}&saved=1`);
	}
};
