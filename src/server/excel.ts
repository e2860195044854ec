/**
 * Excel output for every list: one helper so every export has the same look (bold frozen header,
 * sensible widths, Chinese column titles) and the same download headers.
 */
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export type Column<Row> = { header: string; key: string; width?: number; value: (row: Row) => unknown };

export type Sheet<Row> = { name: string; columns: Column<Row>[]; rows: Row[] };

export async function buildWorkbook(sheets: Sheet<never>[] | Sheet<any>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zhibu 支部';
  for (const sheet of sheets as Sheet<unknown>[]) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
    for (const row of sheet.rows) {
      ws.addRow(Object.fromEntries(sheet.columns.map((c) => [c.key, c.value(row) ?? null])));
    }
    ws.getRow(1).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sends a workbook as a download; the file name may be Chinese. */
export function sendWorkbook(reply: FastifyReply, fileName: string, buffer: Buffer) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(buffer);
}

/** Reads the first worksheet of an uploaded workbook into header-keyed rows (1-based row numbers). */
export async function readFirstSheet(
  buffer: Buffer,
): Promise<{ headers: string[]; rows: { row: number; values: Record<string, string> }[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as never);
  const ws = workbook.worksheets[0];
  if (!ws) return { headers: [], rows: [] };
  const headers: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = cellText(cell.value).trim();
  });
  const rows: { row: number; values: Record<string, string> }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Record<string, string> = {};
    headers.forEach((h, i) => {
      if (h) values[h] = cellText(row.getCell(i + 1).value).trim();
    });
    if (Object.values(values).some((v) => v !== '')) rows.push({ row: rowNumber, values });
  });
  return { headers, rows };
}

/** Cell values as text; dates as YYYY-MM-DD (Excel dates carry no zone: read them as UTC). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}
