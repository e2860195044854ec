/** Preconditions every change of an existing org shares. */
import { badInput, conflict, stale } from '../../server/errors.ts';
import type { OrgRow } from './load-org.ts';

/** The version the caller read must still be current, the org alive and not the university root. */
export function guardChange(org: OrgRow, version: number) {
  if (org.version !== version) throw stale();
  if (org.kind === 'university')
    throw badInput([
      {
        field: 'params.id',
        reason:
          '学校党委是组织树的根，不能在此修改、调整或撤销 / the university is the root of the tree and cannot be changed here',
      },
    ]);
  if (org.validTo)
    throw conflict({
      zh: `该党组织已于 ${org.validTo} 撤销，不能再变更`,
      en: `The organization was dissolved on ${org.validTo} and can no longer change`,
    });
}
