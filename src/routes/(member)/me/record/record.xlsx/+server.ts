import { recordWorkbook } from '$lib/server/reports/record-export';
import { learningRecord } from '$lib/server/reports/record-service';
import { xlsxResponse } from '$lib/server/xlsx';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	const record = await learningRecord(locals.db, locals.actor!, locals.actor!.userId, url.searchParams.get('period'));
	return xlsxResponse(await recordWorkbook(record), `${record.person.name}-学习档案-${record.period.key}`);
};
