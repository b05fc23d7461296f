import { peopleTemplate } from '$lib/server/people/import-service';
import { xlsxResponse } from '$lib/server/xlsx';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => xlsxResponse(await peopleTemplate(), '人员导入模板');
