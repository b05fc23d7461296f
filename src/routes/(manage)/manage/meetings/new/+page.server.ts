import { fail, redirect } from '@sveltejs/kit';
import { createMeetings, meetingFormChoices } from '$lib/server/attendance/meeting-admin-service';
import { meetingInputFromForm } from '$lib/shared/checkin/meeting-form';
import { beijingDay } from '$lib/shared/day';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ ...(await meetingFormChoices(locals.db, locals.actor!)), today: beijingDay(Date.now()) });

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const input = meetingInputFromForm(await request.formData());
		const result = await createMeetings(locals.db, locals.actor!, input);
		if (!result.ok) return fail(400, { message: result.message, values: input });
		redirect(303, result.ids.length === 1 ? `/manage/meetings/${result.ids[0]}` : '/manage/meetings');
	}
};
