/** What an org must look like for its kind, and where it may hang: shared by create, update and move. */
import type { FieldIssue } from '../../server/errors.ts';
import type { TemporaryInput } from './schema.ts';

export type OrgAttributes = {
  kind: string;
  subkind: string | null;
  branchCategory: string | null;
  jointUnits: string[];
  temporary: TemporaryInput | null;
};

/** Which parent kinds each kind may have: 直属党支部 is a branch right under the university. */
export const allowedParentKinds: Record<string, string[]> = {
  college: ['university'],
  branch: ['university', 'college'],
  group: ['branch'],
};

const kindNames: Record<string, string> = {
  university: '学校党委 / university',
  college: '二级党组织 / college',
  branch: '党支部 / branch',
  group: '党小组 / group',
};

export function checkParentKind(kind: string, parentKind: string, field = 'body.parentId'): FieldIssue[] {
  if (allowedParentKinds[kind]?.includes(parentKind)) return [];
  const allowed = allowedParentKinds[kind] ?? [];
  return [
    {
      field,
      reason: `${kindNames[kind] ?? kind} 的上级只能是 ${allowed.map((k) => kindNames[k].split(' / ')[0]).join('或')} / the parent of a ${kind} must be a ${allowed.join(' or ')}, not a ${parentKind}`,
    },
  ];
}

/** Attributes that belong to one kind only, and the approval a temporary branch needs. */
export function checkOrgAttributes(attrs: OrgAttributes, prefix = 'body'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const notFor = (field: string) =>
    issues.push({ field: `${prefix}.${field}`, reason: `不适用于${kindNames[attrs.kind]} / not for a ${attrs.kind}` });
  if (attrs.kind === 'college') {
    if (!attrs.subkind)
      issues.push({ field: `${prefix}.subkind`, reason: '二级党组织须填写类型 / required for a college' });
  } else if (attrs.subkind) notFor('subkind');
  if (attrs.kind === 'branch') {
    if (!attrs.branchCategory)
      issues.push({ field: `${prefix}.branchCategory`, reason: '党支部须填写类别 / required for a branch' });
  } else {
    if (attrs.branchCategory) notFor('branchCategory');
    if (attrs.jointUnits.length) notFor('jointUnits');
    if (attrs.temporary) notFor('temporary');
  }
  const t = attrs.temporary;
  if (attrs.kind === 'branch' && t) {
    if (!t.approvedOn)
      issues.push({
        field: `${prefix}.temporary.approvedOn`,
        reason: '临时党支部须有上级党组织批准日期 / a temporary branch needs the date of its approval',
      });
    if (!t.endsOn)
      issues.push({
        field: `${prefix}.temporary.endsOn`,
        reason: '临时党支部须有撤销（结束）日期 / a temporary branch needs an end date',
      });
    if (t.approvedOn && t.endsOn && t.endsOn <= t.approvedOn)
      issues.push({
        field: `${prefix}.temporary.endsOn`,
        reason: '结束日期须晚于批准日期 / the end date must be after the approval',
      });
  }
  return issues;
}

/** The stored shape of a temporary branch: every key present, blanks as null. */
export const normalizeTemporary = (t: TemporaryInput | null | undefined) =>
  t
    ? {
        approvedOn: t.approvedOn ?? null,
        approvedBy: t.approvedBy || null,
        endsOn: t.endsOn ?? null,
        purpose: t.purpose || null,
      }
    : null;
