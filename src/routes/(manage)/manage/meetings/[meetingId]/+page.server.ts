import { fail, redirect } from '@sveltejs/kit';
import { admitPerson, cancelMeeting, closeMeeting, decideLeave, markAttendance, meetingDetail, saveMinutes } from '$lib/server/attendance/meeting-roster-service';
import { addMeetingFile, removeMeetingFile } from '$lib/server/attendance/meeting-files-service';
import { moduleTitles } from '$lib/server/study/module-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const detail = await meetingDetail(locals.db, locals.actor!, params.meetingId);
	return { ...detail, materials: await moduleTitles(locals.db, detail.meeting.materials), now: Date.now() };
};

const text = (form: FormData, k: string) => String(form.get(k) ?? '');
const answer = (r: { ok: true } | { ok: false; message: string }, done: string) => (r.ok ? { done } : fail(400, { message: r.message }));

export const actions: Actions = {
	mark: async ({ locals, params, request }) => {
		const form = await request.formData();
		const input = { userId: text(form, 'userId'), status: text(form, 'status'), reason: text(form, 'reason') || undefined, note: text(form, 'note') };
		return answer(await markAttendance(locals.db, locals.actor!, params.meetingId, input), 'mark');
	},
	admit: async ({ locals, params, request }) => answer(await admitPerson(locals.db, locals.actor!, params.meetingId, text(await request.formData(), 'phone')), 'admit'),
	leave: async ({ locals, params, request }) => {
		const form = await request.formData();
		return answer(await decideLeave(locals.db, locals.actor!, params.meetingId, text(form, 'userId'), form.get('decision') === 'approve'), 'leave');
	},
	minutes: async ({ locals, params, request }) => answer(await saveMinutes(locals.db, locals.actor!, params.meetingId, text(await request.formData(), 'minutes')), 'minutes'),
	file: async ({ locals, params, request }) => {
		const form = await request.formData();
		const src = text(form, 'src');
		const list = text(form, 'list') === 'attachments' ? 'attachments' : 'photos';
		const r = form.get('remove') ? removeMeetingFile(locals.db, locals.actor!, params.meetingId, list, src) : await addMeetingFile(locals.db, locals.actor!, params.meetingId, list, src);
		return answer(r, 'file');
	},
	close: async ({ locals, params }) => answer(await closeMeeting(locals.db, locals.actor!, params.meetingId), 'close'),
	cancel: async ({ locals, params, request }) => {
		const series = (await request.formData()).get('series') === '1';
		const r = await cancelMeeting(locals.db, locals.actor!, params.meetingId, Date.now(), { series });
		if (!r.ok) return fail(400, { message: r.message });
		redirect(303, `/manage/meetings?cancelled=${r.cancelled}`);
	}
};
