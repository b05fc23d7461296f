import ExcelJS from 'exceljs';

export type Cell = string | number | boolean | null;

export interface Sheet {
	name: string;
	headers: string[];
	rows: Cell[][];
}

/** Sheets with a bold header row, columns sized to their content: the exports secretaries open in Excel or WPS. */
export async function toXlsxSheets(sheets: Sheet[]): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	wb.creator = '先锋学习';
	for (const { name, headers, rows } of sheets) {
		const ws = wb.addWorksheet(name.slice(0, 31));
		ws.addRow(headers).font = { bold: true };
		for (const row of rows) ws.addRow(row.map((c) => (c === null ? '' : c)));
		ws.columns.forEach((col, i) => {
			const longest = Math.max(headers[i]?.length ?? 4, ...rows.map((r) => String(r[i] ?? '').length));
			col.width = Math.min(60, Math.max(8, longest * 2 + 2));
		});
		ws.views = [{ state: 'frozen', ySplit: 1 }];
	}
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const toXlsx = (sheetName: string, headers: string[], rows: Cell[][]) => toXlsxSheets([{ name: sheetName, headers, rows }]);

/** A download response for a workbook, with a UTF-8 file name. */
export function xlsxResponse(bytes: Uint8Array, fileName: string): Response {
	return new Response(bytes as BodyInit, {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}.xlsx`,
			'cache-control': 'no-store'
		}
	});
}

/** The first worksheet as rows of cell texts; dates as YYYY-MM-DD. */
export async function readXlsxRows(body: Uint8Array): Promise<string[][] | null> {
	const wb = new ExcelJS.Workbook();
	try {
		await wb.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
	} catch {
		return null;
	}
	const sheet = wb.worksheets[0];
	if (!sheet) return null;
	const rows: string[][] = [];
	sheet.eachRow({ includeEmpty: true }, (row, n) => {
		const cells: string[] = [];
		row.eachCell({ includeEmpty: true }, (cell, c) => {
			cells[c - 1] = cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : cell.text;
		});
		rows[n - 1] = Array.from(cells, (c) => c ?? '');
	});
	return Array.from(rows, (r) => r ?? []);
}
