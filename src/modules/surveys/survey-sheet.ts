/** Excel exports of surveys (one column per check) and reorganizations. */
import { buildWorkbook, type Column } from '../../server/excel.ts';
import type { ReorganizationView, SurveyView } from './schema.ts';
import { sixCheckNames, sixChecks } from './six-checks.ts';

const checkColumns: Column<SurveyView>[] = sixChecks.map((check) => ({
  header: sixCheckNames[check].zh.split('，')[0],
  key: check,
  width: 24,
  value: (s) => {
    const entry = s.checklist.find((c) => c.check === check);
    if (!entry) return null;
    return entry.result === 'good' ? `无问题${entry.note ? `：${entry.note}` : ''}` : `问题：${entry.note}`;
  },
}));

const surveyColumns: Column<SurveyView>[] = [
  { header: '组织编码', key: 'code', value: (s) => s.org.code },
  { header: '党支部', key: 'org', width: 28, value: (s) => s.org.name },
  { header: '年度', key: 'year', width: 8, value: (s) => s.year },
  { header: '排查日期', key: 'surveyedOn', width: 12, value: (s) => s.surveyedOn },
  ...checkColumns,
  { header: '结论', key: 'conclusion', width: 30, value: (s) => s.conclusion },
  { header: '软弱涣散', key: 'weak', width: 10, value: (s) => (s.weak ? '是' : '') },
  { header: '整改事项数', key: 'rectifications', width: 10, value: (s) => s.rectifications },
  { header: '记录人', key: 'recordedBy', width: 14, value: (s) => s.recordedByName },
];

export const reasonNames: Record<ReorganizationView['reasons'][number], string> = {
  noCommittee: '应设未设支委会',
  noLife: '长期不过组织生活',
  lagging: '定级为后进',
  surveyWeak: '摸底排查认定软弱涣散',
  weakLeadership: '班子不强、领导不力',
  other: '其他',
};

const reorganizationColumns: Column<ReorganizationView>[] = [
  { header: '组织编码', key: 'code', value: (r) => r.org.code },
  { header: '党支部', key: 'org', width: 28, value: (r) => r.org.name },
  { header: '整顿原因', key: 'reasons', width: 30, value: (r) => r.reasons.map((x) => reasonNames[x]).join('、') },
  { header: '开始日期', key: 'startedOn', width: 12, value: (r) => r.startedOn },
  { header: '限期', key: 'endsOn', width: 12, value: (r) => r.endsOn },
  { header: '整顿方案', key: 'plan', width: 40, value: (r) => r.plan },
  {
    header: '状态',
    key: 'status',
    width: 8,
    value: (r) => (r.status === 'open' ? (r.overdue ? '已超期' : '整顿中') : '已结束'),
  },
  { header: '结束日期', key: 'closedOn', width: 12, value: (r) => r.closedOn },
  { header: '整顿成效', key: 'outcome', width: 40, value: (r) => r.outcome },
];

export const buildSurveySheet = (rows: SurveyView[]) =>
  buildWorkbook([{ name: '摸底排查', columns: surveyColumns, rows }]);
export const buildReorganizationSheet = (rows: ReorganizationView[]) =>
  buildWorkbook([{ name: '软弱涣散党支部整顿', columns: reorganizationColumns, rows }]);
