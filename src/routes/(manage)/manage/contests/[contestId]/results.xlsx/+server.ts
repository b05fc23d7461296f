import { contestWorkbook } from '$lib/server/contest/contest-results';
import { xlsxResponse } from '$lib/server/xlsx';
import type { RequestHandler } from './$types';

/** The contest's results as an Excel workbook: players, teams, and every answer with its time. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { title, bytes } = await contestWorkbook(locals.db, locals.actor!, params.contestId);
	return xlsxResponse(bytes, `${title}-成绩`);
};
