/** Loads for practice carriers: the org written to, the carrier in scope, and the view. */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { orgs, practiceCarriers } from '../../db/schema.ts';
import { badInput, forbidden, notFound, stale } from '../../server/errors.ts';
import { type Actor, orgInScope, pathInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import type { CarrierView } from './schema.ts';

/** A current college or branch the actor may write: 404 out of scope, 403 read-only, 400 another kind. */
export async function loadCarrierOrg(tx: Tx, actor: Actor, orgId: string) {
  const [org] = await tx
    .select({ id: orgs.id, tenantId: orgs.tenantId, path: orgs.path, kind: orgs.kind, validTo: orgs.validTo })
    .from(orgs)
    .where(and(eq(orgs.id, orgId), orgInScope(actor, 'read', orgs.tenantId, orgs.path)));
  if (!org) throw notFound({ zh: '组织', en: 'organization' });
  if (!pathInScope(actor, 'write', org.tenantId, org.path)) throw forbidden();
  if ((org.kind !== 'college' && org.kind !== 'branch') || org.validTo !== null)
    throw badInput([
      { field: 'orgId', reason: '须为现有二级党组织或党支部 / must be a current college-level org or branch' },
    ]);
  return org;
}

/** A carrier whose org the actor may write, at the version read. */
export async function loadCarrierForWrite(tx: Tx, actor: Actor, id: string, version: number) {
  const [row] = await tx
    .select({ carrier: practiceCarriers, orgPath: orgs.path })
    .from(practiceCarriers)
    .innerJoin(orgs, and(eq(orgs.tenantId, practiceCarriers.tenantId), eq(orgs.id, practiceCarriers.orgId)))
    .where(and(eq(practiceCarriers.id, id), orgInScope(actor, 'read', orgs.tenantId, orgs.path)));
  if (!row) throw notFound({ zh: '制度或载体', en: 'practice carrier' });
  if (!pathInScope(actor, 'write', row.carrier.tenantId, row.orgPath)) throw forbidden();
  if (row.carrier.version !== version) throw stale();
  return row;
}

/** `establishedOn` lies in `year` and not after today. */
export function checkDates(year: number, establishedOn: string, today: string) {
  if (establishedOn > today)
    throw badInput([{ field: 'establishedOn', reason: '不能晚于今天 / cannot be in the future' }]);
  if (establishedOn.slice(0, 4) !== String(year))
    throw badInput([{ field: 'establishedOn', reason: `须在${year}年内 / must fall in ${year}` }]);
}

export function selectCarriers(tx: Tx, where: SQL): Promise<CarrierView[]> {
  return selectRows<CarrierView>(
    tx,
    sql`select pc.id, pc.org_id as "orgId", o.code as "orgCode", o.name as "orgName", pc.year, pc.kind, pc.title,
        pc.description, to_char(pc.established_on, 'YYYY-MM-DD') as "establishedOn", pc.version
      from practice_carriers pc join orgs o on o.tenant_id = pc.tenant_id and o.id = pc.org_id
      where ${where}
      order by pc.year desc, o.path, pc.established_on, pc.created_at`,
  );
}

export async function presentCarrier(tx: Tx, c: { tenantId: string; id: string }) {
  const [view] = await selectCarriers(tx, sql`pc.tenant_id = ${c.tenantId} and pc.id = ${c.id}`);
  return view;
}
