import { fail, redirect } from '@sveltejs/kit';
import { createMeetings, meetingFormChoices } from '$lib/server/attendance/meeting-admin-service';
import { audienceFromForm } from '$lib/shared/audience-form';
import { beijingDay } from '$lib/shared/day';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ ...(await meetingFormChoices(locals.db, locals.actor!)), today: beijingDay(Date.now()) });

const FIELDS = ['branchId', 'type', 'title', 'date', 'startTime', 'endTime', 'place', 'host', 'agenda', 'graceMin', 'repeat', 'repeatCount'] as const;

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const form = await request.formData();
		const text = Object.fromEntries(FIELDS.map((k) => [k, String(form.get(k) ?? '')])) as Record<(typeof FIELDS)[number], string>;
		const input = { ...text, materials: form.getAll('materials').map(String), ...audienceFromForm(form) };
		const result = await createMeetings(locals.db, locals.actor!, input);
		if (!result.ok) return fail(400, { message: result.message, values: input });
		redirect(303, result.ids.length === 1 ? `/manage/meetings/${result.ids[0]}` : '/manage/meetings');
	}
};
