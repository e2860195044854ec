/** Loads for awards: the nomination at a step, its org, who may act, and the view. */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { awards, orgs } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { type Bilingual, badInput, forbidden, notFound, stale } from '../../server/errors.ts';
import { type Actor, holdsTenantRoot, orgInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import type { AwardView } from './schema.ts';

export type Award = typeof awards.$inferSelect;

/** A 400 naming the step that has to come first. */
export const stepError = (reason: Bilingual) => badInput([{ field: 'step', reason: `${reason.zh} / ${reason.en}` }]);

/**
 * A nomination for a step by the organization department (review, publicity, decision): 404 when
 * its nominating org is out of the actor's scope, 403 for another role, 409 on a stale version.
 */
export async function loadAwardForStep(tx: Tx, actor: Actor, id: string, version: number) {
  const [row] = await tx
    .select({ award: awards, orgPath: orgs.path })
    .from(awards)
    .innerJoin(orgs, and(eq(orgs.tenantId, awards.tenantId), eq(orgs.id, awards.nominatingOrgId)))
    .where(and(eq(awards.id, id), orgInScope(actor, 'read', orgs.tenantId, orgs.path)));
  if (!row) throw notFound({ zh: '表彰推荐', en: 'nomination' });
  if (!holdsTenantRoot(actor, 'write', row.award.tenantId)) throw forbidden();
  if (row.award.version !== version) throw stale();
  return row;
}

/** Writes a step at the version read, with its audit entry. */
export async function saveAwardStep(
  tx: Tx,
  actor: Actor,
  before: Award,
  orgPath: string,
  action: string,
  set: Partial<Award>,
): Promise<Award> {
  const [after] = await tx
    .update(awards)
    .set({ ...set, version: sql`${awards.version} + 1`, updatedAt: new Date() })
    .where(and(eq(awards.tenantId, before.tenantId), eq(awards.id, before.id), eq(awards.version, before.version)))
    .returning();
  if (!after) throw stale();
  await recordAudit(tx, actor, {
    action,
    entity: 'award',
    entityId: after.id,
    tenantId: after.tenantId,
    orgPath,
    before,
    after,
  });
  return after;
}

/** Nominations as shown, matching `where` (on alias `a`, nominating org `n`). */
export function selectAwards(tx: Tx, where: SQL): Promise<AwardView[]> {
  return selectRows<AwardView>(
    tx,
    sql`select a.id, a.round_year as "roundYear", a.kind, a.person_id as "personId", p.code as "personCode",
        p.name as "personName", a.org_id as "orgId", o.name as "orgName", a.nominating_org_id as "nominatingOrgId",
        n.name as "nominatingOrgName", to_char(a.nominated_on, 'YYYY-MM-DD') as "nominatedOn", a.reason, a.status,
        to_char(a.reviewed_on, 'YYYY-MM-DD') as "reviewedOn", a.review_note as "reviewNote",
        to_char(a.publicity_from, 'YYYY-MM-DD') as "publicityFrom",
        to_char(a.publicity_until, 'YYYY-MM-DD') as "publicityUntil",
        to_char(a.decided_on, 'YYYY-MM-DD') as "decidedOn", a.decision_document as "decisionDocument", a.version
      from awards a
      join orgs n on n.tenant_id = a.tenant_id and n.id = a.nominating_org_id
      left join orgs o on o.tenant_id = a.tenant_id and o.id = a.org_id
      left join people p on p.tenant_id = a.tenant_id and p.id = a.person_id
      where ${where}
      order by a.round_year desc, a.kind, n.path, a.nominated_on, a.created_at`,
  );
}

export async function presentAward(tx: Tx, award: Award): Promise<AwardView> {
  const [view] = await selectAwards(tx, sql`a.tenant_id = ${award.tenantId} and a.id = ${award.id}`);
  return view;
}

/** An org the actor may read, else a 404. */
export async function loadReadableOrg(tx: Tx, actor: Actor, orgId: string) {
  const [org] = await tx
    .select({ id: orgs.id, tenantId: orgs.tenantId, path: orgs.path, kind: orgs.kind, validTo: orgs.validTo })
    .from(orgs)
    .where(and(eq(orgs.id, orgId), orgInScope(actor, 'read', orgs.tenantId, orgs.path)));
  if (!org) throw notFound({ zh: '组织', en: 'organization' });
  return org;
}
