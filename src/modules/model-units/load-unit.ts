/** Loads for model units: the org in scope, the unit at a step, and who may act on it. */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { modelUnits, orgs } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { type Bilingual, badInput, forbidden, notFound, stale } from '../../server/errors.ts';
import { type Actor, holdsTenantRoot, orgInScope, pathInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import type { UnitView } from './schema.ts';

export type UnitOrg = {
  id: string;
  tenantId: string;
  kind: string;
  path: string;
  name: string;
  validTo: string | null;
};
export type ModelUnit = typeof modelUnits.$inferSelect;

/** An org the actor may read, else a 404. */
export async function loadUnitOrg(tx: Tx, actor: Actor, orgId: string): Promise<UnitOrg> {
  const [org] = await tx
    .select({
      id: orgs.id,
      tenantId: orgs.tenantId,
      kind: orgs.kind,
      path: orgs.path,
      name: orgs.name,
      validTo: orgs.validTo,
    })
    .from(orgs)
    .where(and(eq(orgs.id, orgId), orgInScope(actor, 'read', orgs.tenantId, orgs.path)));
  if (!org) throw notFound({ zh: '组织', en: 'organization' });
  return org;
}

/**
 * The college applies (003 第一阶段6: 鼓励引导…创建): for a branch, a writer of its parent (the
 * college or the university); for a college, a writer of the college. A branch secretary alone may not.
 */
export function requireCollegeRole(actor: Actor, org: UnitOrg) {
  const parentPath = org.path.replace(/[^/]+\/$/, '');
  if (!pathInScope(actor, 'write', org.tenantId, org.kind === 'branch' ? parentPath : org.path)) throw forbidden();
}

/** Cultivation, the mid-term review, acceptance and the level are the organization department's. */
export function requireOrgDepartment(actor: Actor, tenantId: string) {
  if (!holdsTenantRoot(actor, 'write', tenantId)) throw forbidden();
}

/** A 400 naming the step that has to come first (or the step the unit is past). */
export const stepError = (reason: Bilingual) => badInput([{ field: 'step', reason: `${reason.zh} / ${reason.en}` }]);

/** The unit and its org for a step by the organization department: 404 out of scope, 403 wrong role, 409 stale. */
export async function loadUnitForStep(tx: Tx, actor: Actor, id: string, version: number) {
  const [row] = await tx
    .select({ unit: modelUnits, orgPath: orgs.path })
    .from(modelUnits)
    .innerJoin(orgs, and(eq(orgs.tenantId, modelUnits.tenantId), eq(orgs.id, modelUnits.orgId)))
    .where(and(eq(modelUnits.id, id), orgInScope(actor, 'read', orgs.tenantId, orgs.path)));
  if (!row) throw notFound({ zh: '样板创建记录', en: 'model unit' });
  requireOrgDepartment(actor, row.unit.tenantId);
  if (row.unit.version !== version) throw stale();
  return row;
}

/** Writes a step at the version read, with its audit entry. */
export async function saveStep(
  tx: Tx,
  actor: Actor,
  before: ModelUnit,
  orgPath: string,
  action: string,
  set: Partial<ModelUnit>,
): Promise<ModelUnit> {
  const [after] = await tx
    .update(modelUnits)
    .set({ ...set, version: sql`${modelUnits.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(modelUnits.tenantId, before.tenantId),
        eq(modelUnits.id, before.id),
        eq(modelUnits.version, before.version),
      ),
    )
    .returning();
  if (!after) throw stale();
  await recordAudit(tx, actor, {
    action,
    entity: 'modelUnit',
    entityId: after.id,
    tenantId: after.tenantId,
    orgPath,
    before,
    after,
  });
  return after;
}

/** Units as shown, matching `where` (on alias `mu`, orgs `o`). */
export function selectUnits(tx: Tx, where: SQL): Promise<UnitView[]> {
  return selectRows<UnitView>(
    tx,
    sql`select mu.id, mu.kind, mu.org_id as "orgId", o.code as "orgCode", o.name as "orgName",
        case when o.kind = 'college' then o.name else c.name end as "collegeName",
        mu.leader_id as "leaderId", p.name as "leaderName", mu.level, mu.plan_year as "planYear",
        to_char(mu.applied_on, 'YYYY-MM-DD') as "appliedOn", mu.status,
        to_char(mu.cultivation_from, 'YYYY-MM-DD') as "cultivationFrom",
        to_char(mu.midterm_on, 'YYYY-MM-DD') as "midtermOn", mu.midterm_result as "midtermResult",
        mu.midterm_note as "midtermNote", to_char(mu.accepted_on, 'YYYY-MM-DD') as "acceptedOn",
        to_char(mu.decided_on, 'YYYY-MM-DD') as "decidedOn", mu.note, mu.version
      from model_units mu
      join orgs o on o.tenant_id = mu.tenant_id and o.id = mu.org_id
      left join orgs c on c.tenant_id = o.tenant_id and c.id = o.parent_id and c.kind = 'college'
      left join people p on p.tenant_id = mu.tenant_id and p.id = mu.leader_id
      where ${where}
      order by mu.plan_year desc, mu.kind, o.path, mu.applied_on`,
  );
}

export async function presentUnit(tx: Tx, unit: ModelUnit): Promise<UnitView> {
  const [view] = await selectUnits(tx, sql`mu.tenant_id = ${unit.tenantId} and mu.id = ${unit.id}`);
  return view;
}
