import type { Sheet } from '../../server/excel.ts';
import type { UnitView } from './schema.ts';
import { kindNames, levelNames, statusNames } from './vocabulary.ts';

/** The model-unit list as an Excel sheet, Chinese column titles. */
export function buildUnitsSheet(items: UnitView[]): Sheet<UnitView> {
  return {
    name: '样板创建',
    columns: [
      { header: '计划年度', key: 'planYear', width: 10, value: (r) => r.planYear },
      { header: '类别', key: 'kind', width: 24, value: (r) => kindNames[r.kind]?.zh ?? r.kind },
      { header: '组织', key: 'org', width: 28, value: (r) => r.orgName },
      { header: '所在院系', key: 'college', width: 24, value: (r) => r.collegeName },
      { header: '工作室书记', key: 'leader', width: 12, value: (r) => r.leaderName },
      { header: '级别', key: 'level', width: 8, value: (r) => levelNames[r.level]?.zh ?? r.level },
      { header: '状态', key: 'status', width: 10, value: (r) => statusNames[r.status]?.zh ?? r.status },
      { header: '申报日期', key: 'appliedOn', width: 12, value: (r) => r.appliedOn },
      { header: '培育开始', key: 'cultivationFrom', width: 12, value: (r) => r.cultivationFrom },
      { header: '中期检查', key: 'midtermOn', width: 12, value: (r) => r.midtermOn },
      {
        header: '中期结果',
        key: 'midtermResult',
        width: 10,
        value: (r) => (r.midtermResult === null ? null : r.midtermResult === 'passed' ? '通过' : '未通过'),
      },
      { header: '验收日期', key: 'acceptedOn', width: 12, value: (r) => r.acceptedOn },
      { header: '撤销/不予通过日期', key: 'decidedOn', width: 14, value: (r) => r.decidedOn },
      { header: '备注', key: 'note', width: 40, value: (r) => r.note },
    ],
    rows: items,
  };
}
