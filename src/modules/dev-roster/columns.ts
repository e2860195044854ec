/**
 * The activist-list workbook (入党积极分子名单): who, in which branch, since when, with which mentors.
 * As in the other imports, the part of a header before its bracketed hint is what the import
 * matches and what the error report names.
 */
import type { ImportColumn } from '../dues/import-columns.ts';
import { labelOfHeader } from '../roster/columns.ts';

const column = (key: string, header: string, required: boolean, help: string, example: string): ImportColumn => ({
  key,
  header,
  label: labelOfHeader(header),
  required,
  help,
  example,
});

export const activistColumns: ImportColumn[] = [
  column('code', '编号(工号/学号)', false, '本人的工号或学号；留空时按姓名和身份证号查找', 'S2023001'),
  column('name', '姓名', true, '用于核对；与编号不符时报错', '王小明'),
  column(
    'idNumber',
    '身份证号',
    false,
    '编号留空时必填：按姓名和身份证号中的出生日期查找本人（身份证号不保存）',
    '110101200403051234',
  ),
  column('branchCode', '支部编号', true, '培养此人的党支部的编号', 'b-stu-1'),
  column('appliedOn', '申请入党日期', true, '递交入党申请书的日期，格式 YYYY-MM-DD；须年满18周岁', '2023-10-08'),
  column('activistOn', '确定积极分子日期', true, '支部确定为入党积极分子的日期，格式 YYYY-MM-DD', '2024-04-15'),
  column(
    'mentors',
    '培养联系人编号',
    true,
    '1至2名正式党员的编号，用顿号、逗号或空格分隔；确定积极分子当天须为正式党员',
    'T0002、T0003',
  ),
];

/** 张三、李四 / T1,T2 / T1 T2 → the codes. */
export const splitCodes = (text: string) =>
  text
    .split(/[、,，;；\s]+/)
    .map((c) => c.trim())
    .filter(Boolean);
