import { Tag } from 'antd';
import type { Org, OrgRef } from '../../api/types.ts';
import type { Translate } from '../../i18n/index.tsx';

/** 直属党支部 is a branch under the university, not a college subkind. */
export const subkinds = ['collegeCommittee', 'generalBranch', 'officeCommittee'] as const;
export const branchCategories = ['teacher', 'student', 'office', 'service', 'retired', 'mixed'] as const;

/** 学校党委 / 二级学院党委 / 党支部·教师 … the most specific label of an org. */
export function kindLabel(t: Translate, org: Pick<Org, 'kind' | 'subkind' | 'branchCategory'> | OrgRef) {
  const o = org as Partial<Org>;
  if (o.kind === 'college' && o.subkind) return t.label('subkind', o.subkind);
  if (o.kind === 'branch' && o.branchCategory)
    return `${t.label('kind', 'branch')} · ${t.label('category', o.branchCategory)}`;
  return t.label('kind', o.kind ?? null);
}

export function KindTag({ t, org }: { t: Translate; org: Pick<Org, 'kind' | 'subkind' | 'branchCategory'> }) {
  const color = { university: 'red', college: 'volcano', branch: 'gold', group: 'blue' }[org.kind] ?? 'default';
  return <Tag color={color}>{kindLabel(t, org)}</Tag>;
}

/** Countdown colour: red when overdue, orange within 90 days. */
export function daysLeftClass(daysLeft: number) {
  if (daysLeft < 0) return 'zb-overdue';
  if (daysLeft <= 90) return 'zb-soon';
  return undefined;
}
