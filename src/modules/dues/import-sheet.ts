/** Reading a dues workbook into rows keyed by column, and the cell parsers its imports share. */
import { readFirstSheet } from '../../server/excel.ts';
import { labelOfHeader } from '../roster/columns.ts';
import type { RowIssue } from '../roster/parse-roster.ts';
import type { ImportColumn } from './import-columns.ts';

export type { RowIssue } from '../roster/parse-roster.ts';
export type SheetRow = { row: number; values: Record<string, string> };

export async function readDuesWorkbook(
  buffer: Buffer,
  columns: ImportColumn[],
): Promise<{ rows: SheetRow[]; issues: RowIssue[] }> {
  let sheet: Awaited<ReturnType<typeof readFirstSheet>>;
  try {
    sheet = await readFirstSheet(buffer);
  } catch {
    return {
      rows: [],
      issues: [{ row: 0, column: '文件', reason: '无法读取该文件，请使用 .xlsx 模板 / not a readable .xlsx file' }],
    };
  }
  const keyOfHeader = new Map<string, string>();
  for (const header of sheet.headers) {
    const column = columns.find((c) => c.label === labelOfHeader(header ?? ''));
    if (column && header) keyOfHeader.set(header, column.key);
  }
  const present = new Set(keyOfHeader.values());
  const issues: RowIssue[] = columns
    .filter((c) => c.required && !present.has(c.key))
    .map((c) => ({ row: 1, column: c.label, reason: '缺少此列，请使用模板 / column missing; use the template' }));
  const rows = sheet.rows.map(({ row, values }) => {
    const typed: Record<string, string> = {};
    for (const [header, text] of Object.entries(values)) {
      const key = keyOfHeader.get(header);
      if (key && text !== '') typed[key] = text;
    }
    return { row, values: typed };
  });
  if (issues.length === 0 && rows.length === 0)
    issues.push({ row: 0, column: '文件', reason: '文件中没有数据行 / the file has no data rows' });
  return { rows, issues };
}

/** `2025-03`, `2025/3`, `2025.3`, `2025年3月`, or a date in the month (Excel turns months into dates) → `2025-03`. */
export function parseMonth(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:[-/.]\d{1,2})?$/.exec(text.trim());
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}`;
}

/** 元 as typed (`97.5`, `97.50`, `1,234.00`) → fen, exactly; null when not a non-negative amount with at most two decimals. */
export function parseYuan(text: string): number | null {
  const clean = text.replace(/[,，\s]/g, '');
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(clean);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function parseDay(text: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const day = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day ? null : day;
}
