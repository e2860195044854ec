/** Reading a meeting-records workbook and typing each row's text, or reporting its problems. */
import type { MeetingType } from '../../domain/vocabulary.ts';
import { readFirstSheet } from '../../server/excel.ts';
import { isoDate } from '../../server/zod.ts';
import { labelOfHeader } from '../roster/columns.ts';
import type { RowIssue } from '../roster/parse-roster.ts';
import { type MeetingKey, meetingColumns, meetingLabelOf, meetingTypeByName, meetingTypeNames } from './columns.ts';

export type { RowIssue } from '../roster/parse-roster.ts';

export type MeetingRow = { row: number; values: Partial<Record<MeetingKey, string>> };

export type ParsedMeetingRow = {
  row: number;
  code: string | null;
  orgCode: string;
  type: MeetingType;
  heldOn: string;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  title: string;
  lecturerCode: string | null;
  absentCodes: string[];
  leaveCodes: string[];
  minutes: boolean;
};

export async function parseMeetingWorkbook(buffer: Buffer): Promise<{ rows: MeetingRow[]; issues: RowIssue[] }> {
  let sheet: Awaited<ReturnType<typeof readFirstSheet>>;
  try {
    sheet = await readFirstSheet(buffer);
  } catch {
    return {
      rows: [],
      issues: [
        {
          row: 0,
          column: '文件',
          reason: '无法读取该文件，请使用 .xlsx 格式的会议记录模板 / not a readable .xlsx file',
        },
      ],
    };
  }
  const keyOfHeader = new Map<string, MeetingKey>();
  for (const header of sheet.headers) {
    const column = meetingColumns.find((c) => c.label === labelOfHeader(header ?? ''));
    if (column && header) keyOfHeader.set(header, column.key);
  }
  const present = new Set(keyOfHeader.values());
  const issues: RowIssue[] = meetingColumns
    .filter((c) => c.required && !present.has(c.key))
    .map((c) => ({
      row: 1,
      column: c.label,
      reason: '缺少此列，请使用会议记录模板 / column missing; use the template',
    }));
  const rows = sheet.rows.map(({ row, values }) => {
    const typed: Partial<Record<MeetingKey, string>> = {};
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

/** `2024/9/1`, `2024.9.1` and `2024-9-1` as `2024-09-01`. */
function normalizeDate(text: string): string {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : text;
}

/** `9:05`, `09:05`, `09:05:00` and the full-width colon as `09:05`; null when not a time of day. */
function normalizeTime(text: string): string | null {
  const m = /^(\d{1,2})[:：](\d{2})(?:[:：]\d{2})?$/.exec(text);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return `${m[1].padStart(2, '0')}:${m[2]}`;
}

/** Comma-, 、- or space-separated codes, without blanks. */
const codeList = (text: string | undefined) =>
  (text ?? '')
    .split(/[,，、;；\s]+/)
    .map((c) => c.trim())
    .filter(Boolean);

export function parseMeetingRow(
  input: MeetingRow,
  today: string,
): { parsed: ParsedMeetingRow | null; issues: RowIssue[] } {
  const v = input.values;
  const issues: RowIssue[] = [];
  const issue = (key: MeetingKey, reason: string) =>
    issues.push({ row: input.row, column: meetingLabelOf(key), reason });
  const required = (key: MeetingKey) => {
    if (!v[key]) issue(key, '必填 / required');
    return v[key] ?? '';
  };
  const text = (key: MeetingKey, max: number) => {
    const value = v[key];
    if (value && value.length > max) issue(key, `不能超过${max}个字符 / at most ${max} characters`);
    return value ?? null;
  };
  const time = (key: MeetingKey) => {
    if (!v[key]) return null;
    const t = normalizeTime(v[key]);
    if (!t) issue(key, '时间无效，应为 HH:MM / not a time of day (HH:MM)');
    return t;
  };

  const code = text('code', 100);
  const orgCode = required('orgCode');
  const typeName = required('type');
  const type = typeName ? meetingTypeByName[typeName] : undefined;
  if (typeName && !type)
    issue(
      'type',
      `应为 ${Object.values(meetingTypeNames).join('、')} 之一 / must be one of the meeting types of the template`,
    );
  const dateText = required('heldOn');
  let heldOn = '';
  if (dateText) {
    heldOn = normalizeDate(dateText);
    if (!isoDate.safeParse(heldOn).success) issue('heldOn', '日期无效，应为 YYYY-MM-DD / not a real date (YYYY-MM-DD)');
    else if (heldOn > today)
      issue('heldOn', `会议记录的日期不能晚于今天（${today}） / a recorded meeting cannot be after today (${today})`);
  }
  const startTime = time('startTime');
  const endTime = time('endTime');
  if (startTime && endTime && endTime <= startTime)
    issue('endTime', '结束时间须晚于开始时间 / the end time must be after the start time');
  const place = text('place', 200);
  const title = required('title');
  text('title', 500);
  const lecturerCode = text('lecturerCode', 100);
  const absentCodes = codeList(v.absentCodes);
  const leaveCodes = codeList(v.leaveCodes);
  const both = absentCodes.filter((c) => leaveCodes.includes(c));
  if (both.length) issue('leaveCodes', `${both.join('、')} 同时列为缺席和请假 / listed as both absent and on leave`);
  for (const [key, list] of [
    ['absentCodes', absentCodes],
    ['leaveCodes', leaveCodes],
  ] as const) {
    const repeated = list.filter((c, i) => list.indexOf(c) !== i);
    if (repeated.length) issue(key, `${[...new Set(repeated)].join('、')} 重复列出 / listed twice`);
  }
  let minutes = true;
  if (v.minutes !== undefined) {
    if (v.minutes === '是' || v.minutes === '有') minutes = true;
    else if (v.minutes === '否' || v.minutes === '无') minutes = false;
    else issue('minutes', '应为 是 或 否 / must be 是 or 否');
  }
  if (issues.length) return { parsed: null, issues };
  return {
    parsed: {
      row: input.row,
      code,
      orgCode,
      type: type as MeetingType,
      heldOn,
      startTime,
      endTime,
      place,
      title,
      lecturerCode,
      absentCodes,
      leaveCodes,
      minutes,
    },
    issues,
  };
}
