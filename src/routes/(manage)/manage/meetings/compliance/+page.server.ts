import { fail } from '@sveltejs/kit';
import { policy } from '$lib/server/auth/policy';
import { attendanceStats, complianceReport, meetingRules, setMeetingRules } from '$lib/server/attendance/compliance-service';
import { MEETING_TYPES } from '$lib/shared/checkin/periods';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	...(await complianceReport(locals.db, locals.actor!)),
	stats: await attendanceStats(locals.db, locals.actor!),
	rules: policy.manageAppSettings(locals.actor!) ? await meetingRules(locals.db) : null
});

export const actions: Actions = {
	rules: async ({ locals, request }) => {
		const form = await request.formData();
		const input = { cadence: Object.fromEntries(MEETING_TYPES.map((t) => [t, String(form.get(`cadence.${t}`) ?? 'none')])), threshold: String(form.get('threshold') ?? '') };
		const r = await setMeetingRules(locals.db, locals.actor!, input);
		return r.ok ? { saved: true } : fail(400, { message: r.message });
	}
};
