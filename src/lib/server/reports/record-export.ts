import { toXlsxSheets, type Cell } from '../xlsx';
import type { LearningRecord } from '$lib/shared/reports/record-types';
import { m } from '$lib/paraglide/messages';
import { dateTime } from '$lib/shared/format-time';
import { periodLabel, recordKindLabel, summaryLines } from '$lib/shared/reports/labels';

/** The learning record as a workbook: the summary, then every line of the timeline. */
export function recordWorkbook(r: LearningRecord): Promise<Uint8Array> {
	const head: Cell[][] = [
		[m.meetings_person(), r.person.name],
		[m.stats_branch(), r.person.branchName],
		[m.record_period(), periodLabel(r.period)],
		...summaryLines(r.summary).map(([k, v]): Cell[] => [k, v])
	];
	const rows: Cell[][] = r.events.map((e) => [dateTime(e.at), recordKindLabel(e.kind), e.title, e.detail, e.points || null]);
	return toXlsxSheets([
		{ name: m.record_sheet_summary(), headers: [m.record_col_title(), m.record_col_detail()], rows: head },
		{ name: m.record_sheet_timeline(), headers: [m.record_col_date(), m.record_col_kind(), m.record_col_title(), m.record_col_detail(), m.record_col_points()], rows }
	]);
}
