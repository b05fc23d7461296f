import type { Db } from '../db/client';
import { toXlsx } from '../xlsx';
import { examResults } from './exam-admin-service';
import { m } from '$lib/paraglide/messages';
import type { Actor } from '$lib/shared/roles';

const STATE = { absent: m.exams_state_absent, open: m.exams_state_open, marking: m.exams_state_marking, graded: m.exams_state_graded };

/** Results of one exam as a workbook, in the secretary's language. */
export async function examResultsSheet(db: Db, actor: Actor, examId: string): Promise<{ title: string; bytes: Uint8Array }> {
	const r = await examResults(db, actor, examId);
	const headers = [m.exams_col_name(), m.exams_col_state(), m.exams_col_score(), m.exams_col_passed(), m.exams_col_minutes(), m.exams_col_tabs(), m.exams_col_fast()];
	const rows = r.rows.map((row) => [
		row.name,
		STATE[row.state](),
		row.score,
		row.passed === null ? '' : row.passed ? m.exams_yes() : m.exams_no(),
		row.minutes,
		row.tabSwitches,
		row.fastAnswers
	]);
	return { title: r.exam.title, bytes: await toXlsx(r.exam.title, headers, rows) };
}
