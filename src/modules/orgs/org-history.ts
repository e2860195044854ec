import { and, asc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/connect.ts';
import { orgHistory, orgs } from '../../db/schema.ts';
import { badInput } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadOrgInScope, type OrgRow } from './load-org.ts';

export type OrgChange = 'create' | 'rename' | 'update' | 'move' | 'dissolve';

/** The open history interval of an org (every live org has exactly one). */
export async function loadOpenHistory(tx: Tx, org: Pick<OrgRow, 'tenantId' | 'id'>) {
  const [open] = await tx
    .select()
    .from(orgHistory)
    .where(and(eq(orgHistory.tenantId, org.tenantId), eq(orgHistory.orgId, org.id), isNull(orgHistory.validTo)));
  return open ?? null;
}

/**
 * A change takes effect on a day no earlier than the start of the state it replaces: history
 * intervals must follow one another, never overlap.
 */
export async function checkEffectiveOn(tx: Tx, org: OrgRow, effectiveOn: string) {
  const open = await loadOpenHistory(tx, org);
  const since = open?.validFrom ?? org.validFrom;
  if (effectiveOn < since)
    throw badInput([
      {
        field: 'body.effectiveOn',
        reason: `不能早于当前状态的起始日期 ${since} / cannot be before ${since}, when the current state began`,
      },
    ]);
  return open;
}

/**
 * Closes the open history interval on `effectiveOn` and opens the next one holding the org's new
 * state. A dissolution opens nothing: it leaves an empty interval [d, d) as the record of the act,
 * which no as-of query ever matches.
 */
export async function recordHistory(tx: Tx, org: OrgRow, change: OrgChange, effectiveOn: string) {
  await tx
    .update(orgHistory)
    .set({ validTo: effectiveOn })
    .where(and(eq(orgHistory.tenantId, org.tenantId), eq(orgHistory.orgId, org.id), isNull(orgHistory.validTo)));
  await tx.insert(orgHistory).values({
    tenantId: org.tenantId,
    orgId: org.id,
    change,
    name: org.name,
    parentId: org.parentId,
    kind: org.kind,
    subkind: org.subkind,
    branchCategory: org.branchCategory,
    validFrom: effectiveOn,
    validTo: change === 'dissolve' ? effectiveOn : null,
  });
}

const parents = alias(orgs, 'history_parent');

/** Every state of an org in the actor's read scope, oldest first, with the parent's current name. */
export async function listOrgHistory(tx: Tx, actor: Actor, orgId: string) {
  const org = await loadOrgInScope(tx, actor, 'read', orgId);
  const items = await tx
    .select({
      id: orgHistory.id,
      change: orgHistory.change,
      name: orgHistory.name,
      parentId: orgHistory.parentId,
      parentName: parents.name,
      kind: orgHistory.kind,
      subkind: orgHistory.subkind,
      branchCategory: orgHistory.branchCategory,
      validFrom: orgHistory.validFrom,
      validTo: orgHistory.validTo,
    })
    .from(orgHistory)
    .leftJoin(parents, and(eq(parents.tenantId, orgHistory.tenantId), eq(parents.id, orgHistory.parentId)))
    .where(and(eq(orgHistory.tenantId, org.tenantId), eq(orgHistory.orgId, org.id)))
    .orderBy(asc(orgHistory.validFrom), asc(orgHistory.createdAt));
  return { items };
}
