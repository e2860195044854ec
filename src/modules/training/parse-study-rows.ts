/** Reading an online-study workbook and typing each row, or reporting its problems. */
import type { TrainingKind } from '../../domain/rules/edu-facts.ts';
import { readFirstSheet } from '../../server/excel.ts';
import { isoDate } from '../../server/zod.ts';
import { labelOfHeader } from '../roster/columns.ts';
import type { RowIssue } from '../roster/parse-roster.ts';
import { kindByName, type StudyKey, studyColumns, studyLabelOf } from './study-columns.ts';

export type { RowIssue } from '../roster/parse-roster.ts';

export type StudyRow = {
  row: number;
  personCode: string;
  name: string | null;
  on: string;
  hours: number;
  title: string;
  kind: TrainingKind;
};

export async function parseStudyWorkbook(
  buffer: Buffer,
  today: string,
): Promise<{ rows: StudyRow[]; issues: RowIssue[] }> {
  let sheet: Awaited<ReturnType<typeof readFirstSheet>>;
  try {
    sheet = await readFirstSheet(buffer);
  } catch {
    return {
      rows: [],
      issues: [{ row: 0, column: '文件', reason: '无法读取该文件，请使用 .xlsx 模板 / not a readable .xlsx file' }],
    };
  }
  const keyOfHeader = new Map<string, StudyKey>();
  for (const header of sheet.headers) {
    const c = studyColumns.find((col) => col.label === labelOfHeader(header ?? ''));
    if (c && header) keyOfHeader.set(header, c.key);
  }
  const present = new Set(keyOfHeader.values());
  const issues: RowIssue[] = studyColumns
    .filter((c) => c.required && !present.has(c.key))
    .map((c) => ({
      row: 1,
      column: c.label,
      reason: '缺少此列，请使用学时导入模板 / column missing; use the template',
    }));
  if (issues.length) return { rows: [], issues };
  if (sheet.rows.length === 0)
    return { rows: [], issues: [{ row: 2, column: '文件', reason: '没有数据行 / the sheet has no rows' }] };

  const rows: StudyRow[] = [];
  for (const { row, values } of sheet.rows) {
    const v: Partial<Record<StudyKey, string>> = {};
    for (const [header, text] of Object.entries(values)) {
      const key = keyOfHeader.get(header);
      if (key) v[key] = text;
    }
    const before = issues.length;
    const issue = (key: StudyKey, reason: string) => issues.push({ row, column: studyLabelOf(key), reason });
    const personCode = v.personCode ?? '';
    if (!personCode) issue('personCode', '必填 / required');
    const on = v.on ?? '';
    if (!on) issue('on', '必填 / required');
    else if (!isoDate.safeParse(on).success) issue('on', '日期格式应为 YYYY-MM-DD / expected YYYY-MM-DD');
    else if (on > today) issue('on', '不能晚于今天 / cannot be later than today');
    const hoursText = v.hours ?? '';
    const hours = Number(hoursText);
    if (!hoursText) issue('hours', '必填 / required');
    else if (!Number.isFinite(hours)) issue('hours', `不是数字：${hoursText} / not a number`);
    else if (hours <= 0) issue('hours', '学时须大于0 / hours must be more than zero');
    else if (hours > 1000 || Math.round(hours * 10) !== hours * 10)
      issue('hours', '学时不超过1000且最多1位小数 / at most 1000, one decimal place');
    const title = v.title ?? '';
    if (!title) issue('title', '必填 / required');
    else if (title.length > 200) issue('title', '不超过200字 / at most 200 characters');
    const kind = v.kind ? kindByName[v.kind] : 'online';
    if (!kind) issue('kind', `未知的类别 ${v.kind}（可选：${Object.keys(kindByName).join('、')}） / unknown kind`);
    if (issues.length === before)
      rows.push({ row, personCode, name: v.name || null, on, hours, title, kind: kind as TrainingKind });
  }
  return { rows, issues };
}
