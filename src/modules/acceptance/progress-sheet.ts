/** The Excel progress of a campaign per college (各院系验收进度): branches per stage, with a total row. */
import { acceptanceStages, stageLabels } from '../../domain/rules/acceptance-facts.ts';
import { buildWorkbook, type Column } from '../../server/excel.ts';
import type { ProgressRow } from './schema.ts';

const columns: Column<ProgressRow>[] = [
  { header: '院系', key: 'college', width: 30, value: (r) => r.collegeName },
  { header: '支部数', key: 'total', width: 10, value: (r) => r.total },
  ...acceptanceStages.map((stage) => ({
    header: stageLabels[stage].zh,
    key: stage,
    width: 16,
    value: (r: ProgressRow) => r.counts[stage],
  })),
];

export function progressTotal(rows: ProgressRow[]): ProgressRow {
  const counts = Object.fromEntries(
    acceptanceStages.map((s) => [s, rows.reduce((n, r) => n + r.counts[s], 0)]),
  ) as ProgressRow['counts'];
  return { collegeId: null, collegeName: '合计', total: rows.reduce((n, r) => n + r.total, 0), counts };
}

export const buildProgressSheet = (campaign: { year: number; title: string }, rows: ProgressRow[]) =>
  buildWorkbook([{ name: `${campaign.year}年验收进度`, columns, rows: [...rows, progressTotal(rows)] }]);
