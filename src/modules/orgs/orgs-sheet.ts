import type { Sheet } from '../../server/excel.ts';
import { branchCategoryLabels, typeLabel } from './labels.ts';
import type { OrgListRow } from './list-orgs.ts';

/** The org list as a worksheet; a branch's type says 联合 / 临时 where it is one. */
export function orgsSheet(rows: OrgListRow[]): Sheet<OrgListRow> {
  const kindById = new Map(rows.map((r) => [r.id, r.kind]));
  return {
    name: '党组织',
    rows,
    columns: [
      { header: '编码', key: 'code', width: 18, value: (r) => r.code },
      { header: '名称', key: 'name', width: 36, value: (r) => r.name },
      {
        header: '类型',
        key: 'type',
        width: 14,
        value: (r) => typeLabel(r, r.parentId ? (kindById.get(r.parentId) ?? null) : null),
      },
      {
        header: '类别',
        key: 'category',
        width: 10,
        value: (r) => (r.branchCategory ? (branchCategoryLabels[r.branchCategory] ?? r.branchCategory) : null),
      },
      { header: '上级', key: 'parent', width: 30, value: (r) => r.parentName },
      { header: '层级', key: 'depth', width: 8, value: (r) => r.depth },
      { header: '成立日期', key: 'validFrom', width: 12, value: (r) => r.validFrom },
      { header: '撤销日期', key: 'validTo', width: 12, value: (r) => r.validTo },
      { header: '联合单位', key: 'jointUnits', width: 30, value: (r) => r.jointUnits.join('、') || null },
      { header: '临时支部批准日期', key: 'approvedOn', width: 16, value: (r) => r.temporary?.approvedOn ?? null },
      { header: '临时支部批准机关', key: 'approvedBy', width: 20, value: (r) => r.temporary?.approvedBy ?? null },
      { header: '临时支部结束日期', key: 'endsOn', width: 16, value: (r) => r.temporary?.endsOn ?? null },
      { header: '临时支部事由', key: 'purpose', width: 24, value: (r) => r.temporary?.purpose ?? null },
    ],
  };
}
