/**
 * The two dues workbooks: income bases (from the payroll) and payments. As in the roster, the part
 * of a header before its bracketed hint is what the import matches and what error reports name.
 */
import { labelOfHeader } from '../roster/columns.ts';

export type ImportColumn = {
  key: string;
  header: string;
  label: string;
  required: boolean;
  help: string;
  example: string;
  choices?: string[];
};

const column = (
  key: string,
  header: string,
  required: boolean,
  help: string,
  example: string,
  choices?: string[],
): ImportColumn => ({ key, header, label: labelOfHeader(header), required, help, example, choices });

export const categoryByName: Record<string, 'staff' | 'retired' | 'student' | 'relief'> = {
  在职: 'staff',
  教职工: 'staff',
  离退休: 'retired',
  退休: 'retired',
  学生: 'student',
  困难: 'relief',
  低保: 'relief',
};

export const methodByName: Record<string, 'cash' | 'transfer' | 'online' | 'payroll'> = {
  现金: 'cash',
  转账: 'transfer',
  线上: 'online',
  工资代扣: 'payroll',
};

export const baseColumns: ImportColumn[] = [
  column('code', '编号', true, '党员的工号或学号', 'T0001'),
  column('name', '姓名', false, '用于核对；与编号不符时报错', '张伟'),
  column('category', '类别(在职/离退休/学生/困难)', true, '在职、离退休、学生 或 困难', '在职', [
    '在职',
    '离退休',
    '学生',
    '困难',
  ]),
  column('base', '税后月收入(元)', false, '在职填税后月工资，离退休填月离退休费；学生和困难党员可留空', '6500.00'),
  column('effectiveMonth', '起始月份', true, '格式 YYYY-MM，自该月起按此基数计算', '2025-01'),
  column('verifiedOn', '核定日期', false, '日期，格式 YYYY-MM-DD；留空为导入当天', '2025-01-08'),
];

export const paymentColumns: ImportColumn[] = [
  column('code', '编号', true, '党员的工号或学号', 'T0001'),
  column('name', '姓名', false, '用于核对；与编号不符时报错', '张伟'),
  column('month', '月份', true, '所交党费的月份，格式 YYYY-MM', '2025-03'),
  column('amount', '金额(元)', true, '不能为负数，最多两位小数', '97.50'),
  column('paidOn', '交纳日期', true, '日期，格式 YYYY-MM-DD', '2025-03-12'),
  column('method', '方式(现金/转账/线上/工资代扣)', false, '留空为转账', '转账', ['现金', '转账', '线上', '工资代扣']),
];
