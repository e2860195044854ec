/** The Excel export of a rectification list (整改清单), as the organization department files it. */
import { buildWorkbook, type Column } from '../../server/excel.ts';
import type { RectificationSource, RectificationView } from './schema.ts';

export const sourceNames: Record<RectificationSource, string> = {
  finding: '检查发现',
  acceptance: '达标验收退回',
  rating: '分类定级',
  review: '述职评议',
  survey: '摸底排查',
  lifeMeeting: '组织生活会',
  manual: '自行登记',
};
const statusNames = { open: '整改中', done: '待验收', verified: '已验收' } as const;

const columns: Column<RectificationView>[] = [
  { header: '组织编码', key: 'code', value: (r) => r.org.code },
  { header: '组织', key: 'org', width: 28, value: (r) => r.org.name },
  { header: '年度', key: 'year', width: 8, value: (r) => r.year },
  { header: '来源', key: 'source', width: 12, value: (r) => sourceNames[r.source] },
  { header: '存在的问题', key: 'problem', width: 40, value: (r) => r.problem },
  { header: '责任人', key: 'owner', width: 10, value: (r) => r.ownerName },
  { header: '整改措施', key: 'measures', width: 40, value: (r) => r.measures },
  { header: '整改时限', key: 'deadline', width: 12, value: (r) => r.deadline },
  { header: '状态', key: 'status', width: 8, value: (r) => statusNames[r.status] },
  { header: '逾期', key: 'overdue', width: 6, value: (r) => (r.overdue ? '是' : '') },
  { header: '完成日期', key: 'doneOn', width: 12, value: (r) => r.doneOn },
  { header: '整改成效（佐证）', key: 'evidence', width: 40, value: (r) => r.evidence },
  { header: '验收日期', key: 'verifiedOn', width: 12, value: (r) => r.verifiedOn },
  { header: '验收人', key: 'verifiedBy', width: 14, value: (r) => r.verifiedByName },
  { header: '验收意见', key: 'note', width: 30, value: (r) => r.verificationNote },
];

export const buildRectificationSheet = (rows: RectificationView[]) =>
  buildWorkbook([{ name: '整改清单', columns, rows }]);
