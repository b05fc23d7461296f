import { fail, redirect } from '@sveltejs/kit';
import { meetingFormChoices, meetingToEdit, updateMeeting } from '$lib/server/attendance/meeting-admin-service';
import { meetingInputFromForm } from '$lib/shared/checkin/meeting-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({
	...(await meetingToEdit(locals.db, locals.actor!, params.meetingId)),
	...(await meetingFormChoices(locals.db, locals.actor!))
});

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const form = await request.formData();
		const input = meetingInputFromForm(form);
		const result = await updateMeeting(locals.db, locals.actor!, params.meetingId, input, Date.now(), { series: form.get('series') === '1' });
		if (!result.ok) return fail(400, { message: result.message, values: input });
		redirect(303, `/manage/meetings/${params.meetingId}?saved=1`);
	}
};
