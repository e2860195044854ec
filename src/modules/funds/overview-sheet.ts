/** The Excel export of budget against spending (amounts in yuan, as finance offices read them). */
import { buildWorkbook, type Column } from '../../server/excel.ts';
import type { OverviewRow } from './schema.ts';

const yuan = (fen: number | null) => (fen === null ? null : fen / 100);

const columns: Column<OverviewRow>[] = [
  { header: '组织编码', key: 'code', value: (r) => r.orgCode },
  { header: '二级党组织', key: 'name', width: 30, value: (r) => r.orgName },
  { header: '教职工党员', key: 'staff', width: 12, value: (r) => r.staffMembers },
  { header: '学生党员', key: 'students', width: 10, value: (r) => r.studentMembers },
  { header: '标准下限（元）', key: 'minimum', value: (r) => yuan(r.minimum) },
  { header: '预算（元）', key: 'budget', value: (r) => yuan(r.budget) },
  { header: '已拨付（元）', key: 'allocated', value: (r) => yuan(r.allocated) },
  { header: '已支出（元）', key: 'spent', value: (r) => yuan(r.spent) },
  { header: '支出笔数', key: 'expenses', width: 10, value: (r) => r.expenses },
  { header: '结余（元）', key: 'balance', value: (r) => yuan(r.balance) },
];

export const buildOverviewSheet = (year: number, rows: OverviewRow[]) =>
  buildWorkbook([{ name: `${year}年党建工作经费`, columns, rows }]);
