import { templateXlsx } from '$lib/server/quiz/bank-xlsx';
import { xlsxResponse } from '$lib/server/xlsx';
import type { RequestHandler } from './$types';

/** The Excel import template: the columns and one example per question type. */
export const GET: RequestHandler = async () => xlsxResponse(await templateXlsx(), '题目导入模板');
