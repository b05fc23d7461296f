import { examResultsSheet } from '$lib/server/quiz/exam-export';
import { xlsxResponse } from '$lib/server/xlsx';
import type { RequestHandler } from './$types';

/** The exam's results as an Excel workbook: one row per member expected. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { title, bytes } = await examResultsSheet(locals.db, locals.actor!, params.examId);
	return xlsxResponse(bytes, `${title}-成绩`);
};
