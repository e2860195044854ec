/** Reading a roster workbook and turning each row's text into typed values, or row issues. */
import { z } from 'zod';
import { readFirstSheet } from '../../server/excel.ts';
import { isoDate } from '../../server/zod.ts';
import { checkMembershipFacts } from '../members/check-membership.ts';
import type { Gender, MemberStatus, PersonCategory, Standing } from '../members/schema.ts';
import { labelOf, labelOfHeader, type RosterKey, rosterColumns } from './columns.ts';

/** One problem of one cell: the Excel row number, the column label, a bilingual reason. */
export type RowIssue = { row: number; column: string; reason: string };

/** A data row as text, keyed by column (blank cells absent). */
export type RosterRow = { row: number; values: Partial<Record<RosterKey, string>> };

export type ParsedRow = {
  row: number;
  code: string;
  name: string;
  personCategory: PersonCategory;
  gender?: Gender;
  birthDate?: string;
  unit?: string;
  title?: string;
  leadingCadre?: boolean;
  phone?: string;
  email?: string;
  membership: {
    branchCode: string;
    groupCode: string | null;
    status: MemberStatus;
    standing: Standing;
    joinedOn: string | null;
    confirmedOn: string | null;
    validFrom: string | null;
  } | null;
};

/** Reads the first sheet of an .xlsx file into rows; missing required columns are issues. */
export async function parseRosterWorkbook(buffer: Buffer): Promise<{ rows: RosterRow[]; issues: RowIssue[] }> {
  let sheet: Awaited<ReturnType<typeof readFirstSheet>>;
  try {
    sheet = await readFirstSheet(buffer);
  } catch {
    return {
      rows: [],
      issues: [
        { row: 0, column: '文件', reason: '无法读取该文件，请使用 .xlsx 格式的名册模板 / not a readable .xlsx file' },
      ],
    };
  }
  const keyOfHeader = new Map<string, RosterKey>();
  for (const header of sheet.headers) {
    const column = rosterColumns.find((c) => c.label === labelOfHeader(header ?? ''));
    if (column && header) keyOfHeader.set(header, column.key);
  }
  const present = new Set(keyOfHeader.values());
  const issues: RowIssue[] = rosterColumns
    .filter((c) => c.required && !present.has(c.key))
    .map((c) => ({ row: 1, column: c.label, reason: '缺少此列，请使用名册模板 / column missing; use the template' }));
  const rows = sheet.rows.map(({ row, values }) => {
    const typed: Partial<Record<RosterKey, string>> = {};
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

const genders: Record<string, Gender> = { 男: 'male', 女: 'female' };
const categories: Record<string, PersonCategory> = {
  教职工: 'staff',
  教工: 'staff',
  学生: 'student',
  离退休: 'retired',
  离退休人员: 'retired',
};
const statuses: Record<string, MemberStatus> = {
  正式: 'full',
  正式党员: 'full',
  预备: 'probationary',
  预备党员: 'probationary',
};
const standings: Record<string, Standing> = {
  正常: 'normal',
  停止党籍: 'suspended',
  自行脱党: 'lapsed',
  出党: 'expelled',
  去世: 'deceased',
  死亡: 'deceased',
};
const yesNo: Record<string, boolean> = { 是: true, 否: false, Y: true, N: false, y: true, n: false };

const email = z.email();

/** `2024/9/1`, `2024.9.1` and `2024-9-1` as `2024-09-01`; anything else unchanged (and then refused). */
function normalizeDate(text: string): string {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : text;
}

/** One row's text checked and typed; every problem of the row is reported, not just the first. */
export function parseRosterRow(input: RosterRow): { parsed: ParsedRow | null; issues: RowIssue[] } {
  const v = input.values;
  const issues: RowIssue[] = [];
  const issue = (key: RosterKey, reason: string) => issues.push({ row: input.row, column: labelOf(key), reason });
  const required = (key: RosterKey) => {
    if (!v[key]) issue(key, '必填 / required');
    return v[key] ?? '';
  };
  const text = (key: RosterKey, max: number) => {
    const value = v[key];
    if (value && value.length > max) issue(key, `不能超过${max}个字符 / at most ${max} characters`);
    return value;
  };
  const choice = <T>(key: RosterKey, map: Record<string, T>) => {
    const value = v[key];
    if (value === undefined) return undefined;
    if (!(value in map)) {
      issue(key, `应为 ${Object.keys(map).join('、')} 之一 / must be one of ${Object.keys(map).join(', ')}`);
      return undefined;
    }
    return map[value];
  };
  const date = (key: RosterKey) => {
    const value = v[key];
    if (value === undefined) return undefined;
    const normalized = normalizeDate(value);
    if (!isoDate.safeParse(normalized).success) {
      issue(key, '日期无效，应为 YYYY-MM-DD / not a real date (YYYY-MM-DD)');
      return undefined;
    }
    return normalized;
  };

  const code = required('code');
  text('code', 50);
  const name = required('name');
  text('name', 50);
  const categoryText = required('personCategory');
  const personCategory = categoryText ? choice('personCategory', categories) : undefined;
  const gender = choice('gender', genders);
  const birthDate = date('birthDate');
  const leadingCadre = choice('leadingCadre', yesNo);
  const unit = text('unit', 100);
  const title = text('title', 100);
  const phone = text('phone', 30);
  const emailText = text('email', 200);
  if (emailText && !email.safeParse(emailText).success) issue('email', '邮箱格式不正确 / not an email address');

  const status = choice('status', statuses);
  const standing = choice('standing', standings);
  const joinedOn = date('joinedOn');
  const confirmedOn = date('confirmedOn');
  const validFrom = date('validFrom');
  const branchCode = v.branchCode;
  let membership: ParsedRow['membership'] = null;
  if (!branchCode) {
    const stray = (['groupCode', 'status', 'standing', 'joinedOn', 'confirmedOn', 'validFrom'] as const).filter(
      (k) => v[k],
    );
    if (stray.length)
      issue('branchCode', `填写了${stray.map(labelOf).join('、')}，须同时填写支部编码 / the branch code is required`);
  } else {
    if (!v.status) issue('status', '填写支部编码时必填 / required with a branch code');
    if (status) {
      for (const i of checkMembershipFacts({ status, joinedOn: joinedOn ?? null, confirmedOn: confirmedOn ?? null }))
        issue(i.field, i.reason);
      membership = {
        branchCode,
        groupCode: v.groupCode ?? null,
        status,
        standing: standing ?? 'normal',
        joinedOn: joinedOn ?? null,
        confirmedOn: confirmedOn ?? null,
        validFrom: validFrom ?? null,
      };
    }
  }
  if (issues.length) return { parsed: null, issues };
  return {
    parsed: {
      row: input.row,
      code,
      name,
      personCategory: personCategory as PersonCategory,
      gender,
      birthDate,
      unit,
      title,
      leadingCadre,
      phone,
      email: emailText,
      membership,
    },
    issues,
  };
}
