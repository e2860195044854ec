/** The Excel export of a year's ratings: one row per org with items, score, adjustment, grade and movement. */
import { gradeLabels, ratingItemSpecs } from '../../domain/evaluation/rating-rubric.ts';
import { buildWorkbook, type Column } from '../../server/excel.ts';
import type { ListRow } from './schema.ts';

const movementLabels = { promoted: '晋位', demoted: '降位', same: '持平', new: '首次定级' } as const;

const itemColumns: Column<ListRow>[] = ratingItemSpecs.map((spec) => ({
  header: `${spec.label.zh}（${spec.max}分）`,
  key: `item-${spec.key}`,
  width: 12,
  value: (r) => {
    const item = r.rating?.items.find((i) => i.key === spec.key);
    return item?.applicable ? item.score : item ? '不适用' : null;
  },
}));

const columns: Column<ListRow>[] = [
  { header: '组织编码', key: 'code', value: (r) => r.org.code },
  { header: '党组织', key: 'name', width: 30, value: (r) => r.org.name },
  { header: '上级党组织', key: 'parent', width: 24, value: (r) => r.org.parentName },
  ...itemColumns,
  { header: '计算得分', key: 'computed', width: 10, value: (r) => r.rating?.computedScore },
  { header: '调整', key: 'adjustment', width: 8, value: (r) => r.rating?.adjustment },
  { header: '调整理由', key: 'reason', width: 30, value: (r) => r.rating?.adjustmentReason },
  { header: '调整人', key: 'adjustedBy', width: 12, value: (r) => r.rating?.adjustedByName },
  { header: '最终得分', key: 'final', width: 10, value: (r) => r.rating?.finalScore },
  {
    header: '等次',
    key: 'grade',
    width: 8,
    value: (r) => (r.rating?.status === 'final' && r.rating.grade ? gradeLabels[r.rating.grade].zh : null),
  },
  {
    header: '状态',
    key: 'status',
    width: 8,
    value: (r) => (r.rating ? (r.rating.status === 'final' ? '已定级' : '草稿') : '未评'),
  },
  {
    header: '上年等次',
    key: 'previous',
    width: 10,
    value: (r) => (r.previousGrade ? gradeLabels[r.previousGrade].zh : null),
  },
  { header: '升降', key: 'movement', width: 10, value: (r) => (r.movement ? movementLabels[r.movement] : null) },
];

export const buildRatingsWorkbook = (year: number, rows: ListRow[]) =>
  buildWorkbook([{ name: `${year}年分类定级`, columns, rows }]);
