/** The monthly collection sheet as Excel (党费收缴表): one row per member, totals at the end. */
import { duesCategoryNames, rateLabel, yuan } from '../../domain/dues/brackets.ts';
import { buildWorkbook } from '../../server/excel.ts';
import type { SheetResponse } from './schema.ts';

const methodNames: Record<string, string> = { cash: '现金', transfer: '转账', online: '线上', payroll: '工资代扣' };

type Row = SheetResponse['rows'][number];

export function collectionWorkbook(sheet: SheetResponse) {
  const money = (fen: number | null) => (fen === null ? '' : Number(yuan(fen)));
  const rows: Row[] = sheet.rows;
  const totalRow = {
    personCode: '合计',
    personName: `${sheet.totals.members}人，已交清${sheet.totals.settledMembers}人`,
    due: sheet.totals.due,
    paid: sheet.totals.paid,
  };
  return buildWorkbook([
    {
      name: `${sheet.month}党费收缴`,
      columns: [
        { header: '编号', key: 'code', width: 12, value: (r: Row) => r.personCode },
        { header: '姓名', key: 'name', width: 12, value: (r: Row) => r.personName },
        { header: '所在支部', key: 'org', width: 28, value: (r: Row) => r.orgName },
        {
          header: '类别',
          key: 'category',
          width: 10,
          value: (r: Row) => (r.category ? duesCategoryNames[r.category].zh : '无基数'),
        },
        { header: '基数(元)', key: 'base', width: 12, value: (r: Row) => money(r.base) },
        {
          header: '比例',
          key: 'rate',
          width: 8,
          value: (r: Row) => (r.basisPoints === null ? '' : rateLabel(r.basisPoints)),
        },
        { header: '应缴(元)', key: 'due', width: 12, value: (r: Row) => money(r.due) },
        { header: '实缴(元)', key: 'paid', width: 12, value: (r: Row) => money(r.paid) },
        { header: '交纳日期', key: 'paidOn', width: 12, value: (r: Row) => r.payment?.paidOn ?? '' },
        {
          header: '方式',
          key: 'method',
          width: 10,
          value: (r: Row) => (r.payment ? methodNames[r.payment.method] : ''),
        },
        { header: '欠缴月数', key: 'arrearsMonths', width: 10, value: (r: Row) => r.arrearsMonths },
        { header: '欠缴金额(元)', key: 'arrearsAmount', width: 14, value: (r: Row) => money(r.arrearsAmount) },
        { header: '连续未交月数', key: 'consecutive', width: 14, value: (r: Row) => r.consecutiveUnpaid },
        { header: '说明', key: 'reason', width: 20, value: (r: Row) => r.reason ?? '' },
      ],
      rows: [
        ...rows,
        {
          ...totalRow,
          orgName: sheet.orgName,
          category: null,
          base: null,
          basisPoints: null,
          payment: null,
          reason: sheet.totals.rate === null ? '' : `收缴率${(sheet.totals.rate * 100).toFixed(1)}%`,
          arrearsMonths: '',
          arrearsAmount: null,
          consecutiveUnpaid: '',
        } as never,
      ],
    },
  ]);
}
