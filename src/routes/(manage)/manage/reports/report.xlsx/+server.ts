import { evaluationWorkbook } from '$lib/server/reports/evaluation-export';
import { evaluationReport } from '$lib/server/reports/evaluation-service';
import { xlsxResponse } from '$lib/server/xlsx';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	const report = await evaluationReport(locals.db, locals.actor!, { unitId: url.searchParams.get('unit'), period: url.searchParams.get('period') });
	return xlsxResponse(await evaluationWorkbook(report), `${report.unit.name}-考评-${report.period.key}`);
};
