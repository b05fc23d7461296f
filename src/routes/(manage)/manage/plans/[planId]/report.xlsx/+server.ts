import { planReportSheet } from '$lib/server/study/plan-export';
import { xlsxResponse } from '$lib/server/xlsx';
import type { RequestHandler } from './$types';

/** The plan's progress as an Excel workbook: one row per member on it. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { title, bytes } = await planReportSheet(locals.db, locals.actor!, params.planId);
	return xlsxResponse(bytes, `${title}-学习情况`);
};
