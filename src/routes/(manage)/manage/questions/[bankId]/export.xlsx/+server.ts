import { exportBankXlsx } from '$lib/server/quiz/bank-xlsx';
import { xlsxResponse } from '$lib/server/xlsx';
import type { RequestHandler } from './$types';

/** The bank as an Excel workbook in the import template's columns. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { name, bytes } = await exportBankXlsx(locals.db, locals.actor!, params.bankId);
	return xlsxResponse(bytes, name);
};
