import type { Sheet } from '../../server/excel.ts';
import type { AwardView } from './schema.ts';
import { awardKindNames, awardStatusNames } from './vocabulary.ts';

/** Nominations as an Excel sheet, Chinese column titles. */
export function buildAwardsSheet(items: AwardView[]): Sheet<AwardView> {
  return {
    name: '评选表彰',
    columns: [
      { header: '年度', key: 'roundYear', width: 8, value: (r) => r.roundYear },
      { header: '类别', key: 'kind', width: 18, value: (r) => awardKindNames[r.kind]?.zh ?? r.kind },
      { header: '对象', key: 'who', width: 28, value: (r) => r.personName ?? r.orgName },
      { header: '党员编号', key: 'personCode', width: 12, value: (r) => r.personCode },
      { header: '推荐单位', key: 'nominator', width: 28, value: (r) => r.nominatingOrgName },
      { header: '推荐日期', key: 'nominatedOn', width: 12, value: (r) => r.nominatedOn },
      { header: '主要事迹', key: 'reason', width: 40, value: (r) => r.reason },
      { header: '状态', key: 'status', width: 10, value: (r) => awardStatusNames[r.status]?.zh ?? r.status },
      { header: '审核日期', key: 'reviewedOn', width: 12, value: (r) => r.reviewedOn },
      { header: '公示开始', key: 'publicityFrom', width: 12, value: (r) => r.publicityFrom },
      { header: '公示截止', key: 'publicityUntil', width: 12, value: (r) => r.publicityUntil },
      { header: '决定日期', key: 'decidedOn', width: 12, value: (r) => r.decidedOn },
      { header: '表彰文件', key: 'document', width: 28, value: (r) => r.decisionDocument },
      { header: '审核意见', key: 'reviewNote', width: 30, value: (r) => r.reviewNote },
    ],
    rows: items,
  };
}
