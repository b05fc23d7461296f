import { attendanceWorkbook } from '$lib/server/attendance/meeting-roster-service';
import { xlsxResponse } from '$lib/server/xlsx';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const { title, bytes } = await attendanceWorkbook(locals.db, locals.actor!, params.meetingId);
	return xlsxResponse(bytes, `${title}-考勤`);
};
