import type { Sheet } from '../../server/excel.ts';
import type { CarrierView } from './schema.ts';

/** Carriers as an Excel sheet, Chinese column titles. */
export function buildCarriersSheet(items: CarrierView[]): Sheet<CarrierView> {
  return {
    name: '制度与服务载体',
    columns: [
      { header: '年度', key: 'year', width: 8, value: (r) => r.year },
      { header: '组织', key: 'org', width: 28, value: (r) => r.orgName },
      { header: '类别', key: 'kind', width: 10, value: (r) => (r.kind === 'rule' ? '制度' : '服务载体') },
      { header: '名称', key: 'title', width: 30, value: (r) => r.title },
      { header: '内容', key: 'description', width: 50, value: (r) => r.description },
      { header: '建立日期', key: 'establishedOn', width: 12, value: (r) => r.establishedOn },
    ],
    rows: items,
  };
}
