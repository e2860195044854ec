/** The rules a membership interval must satisfy, shared by the API commands and the roster import. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { orgs } from '../../db/schema.ts';
import { badInput, type FieldIssue, notFound } from '../../server/errors.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';

export type MembershipFacts = {
  status: string;
  joinedOn: string | null;
  confirmedOn: string | null;
};

/** Reasons, bilingual, used by both the API (field issues) and the roster report (row issues). */
export const membershipReasons = {
  probationaryConfirmed: '预备党员不应有转正日期 / a probationary member has no confirmation date',
  confirmedBeforeJoined: '转正日期不能早于入党日期 / confirmation cannot precede joining',
  notBranch: '只能隶属于党支部 / membership must be in a branch',
  notGroupOfBranch: '党小组不属于该支部 / the group does not belong to that branch',
  dissolved: '该党组织已撤销 / the organization has been dissolved',
  demotion: '正式党员不能改为预备党员 / a full member cannot become probationary',
  confirmationDate: '转正时须填写转正日期 / confirmation needs the confirmation date',
} as const;

/** Status and dates: confirmation only for full members, never before joining. */
export function checkMembershipFacts(facts: MembershipFacts): { field: 'confirmedOn'; reason: string }[] {
  if (facts.status === 'probationary' && facts.confirmedOn)
    return [{ field: 'confirmedOn', reason: membershipReasons.probationaryConfirmed }];
  if (facts.confirmedOn && facts.joinedOn && facts.confirmedOn < facts.joinedOn)
    return [{ field: 'confirmedOn', reason: membershipReasons.confirmedBeforeJoined }];
  return [];
}

export type Placement = {
  tenantId: string;
  org: { id: string; name: string; path: string };
  group: { id: string; name: string } | null;
};

/**
 * Loads the destination branch (and group) of a membership from the actor's write scope. A branch
 * outside it is a 404, as if it did not exist; a non-branch or a foreign group is bad input.
 */
export async function resolvePlacement(
  tx: Tx,
  options: {
    actor: Actor;
    orgId: string;
    groupId: string | null;
    /** Where the membership starts: the branch must not be dissolved by then. */
    on: string;
    /** The person's university, when already known: the branch must be in it. */
    tenantId?: string;
    /** Field names for the issues (`body.membership.orgId`, `body.orgId`). */
    fields: { org: string; group: string };
  },
): Promise<Placement> {
  const ids = options.groupId ? [options.orgId, options.groupId] : [options.orgId];
  const rows = await tx
    .select({
      tenantId: orgs.tenantId,
      id: orgs.id,
      kind: orgs.kind,
      name: orgs.name,
      parentId: orgs.parentId,
      path: orgs.path,
      validTo: orgs.validTo,
    })
    .from(orgs)
    .where(and(inArray(orgs.id, ids), orgInScope(options.actor, 'write', orgs.tenantId, orgs.path)));
  const org = rows.find((r) => r.id === options.orgId);
  if (!org || (options.tenantId && org.tenantId !== options.tenantId)) throw notFound({ zh: '党支部', en: 'branch' });
  const issues: FieldIssue[] = [];
  if (org.kind !== 'branch') issues.push({ field: options.fields.org, reason: membershipReasons.notBranch });
  else if (org.validTo && org.validTo <= options.on)
    issues.push({ field: options.fields.org, reason: membershipReasons.dissolved });
  let group: Placement['group'] = null;
  if (options.groupId) {
    const found = rows.find((r) => r.id === options.groupId);
    if (found?.kind !== 'group' || found.parentId !== org.id || found.tenantId !== org.tenantId)
      issues.push({ field: options.fields.group, reason: membershipReasons.notGroupOfBranch });
    else group = { id: found.id, name: found.name };
  }
  if (issues.length) throw badInput(issues);
  return { tenantId: org.tenantId, org: { id: org.id, name: org.name, path: org.path }, group };
}

/** The path of a person's current branch, for the audit trail (root path when none). */
export async function orgPathOf(tx: Tx, tenantId: string, orgId: string | null): Promise<string> {
  if (!orgId) return `/${tenantId}/`;
  const [row] = await tx
    .select({ path: orgs.path })
    .from(orgs)
    .where(and(eq(orgs.tenantId, tenantId), eq(orgs.id, orgId)));
  return row?.path ?? `/${tenantId}/`;
}
