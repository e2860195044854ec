/**
 * Which findings an actor sees: those of orgs in their read areas, plus those about themselves
 * (a member's own findings). The predicate goes into every query over `findings f`.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { badInput, notFound } from '../../server/errors.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';

export function findingInScope(actor: Actor, alias = sql`f`): SQL {
  const byOrg = orgInScope(actor, 'read', sql`${alias}.tenant_id`, sql`${alias}.org_path`);
  if (actor.all || !actor.personId || !actor.tenantId) return byOrg;
  return sql`(${byOrg} or (${alias}.tenant_id = ${actor.tenantId}::uuid and ${alias}.person_id = ${actor.personId}::uuid))`;
}

export type OrgRow = { tenantId: string; id: string; code: string; name: string; kind: string; path: string };

const orgColumns = sql`tenant_id as "tenantId", id, code, name, kind, path`;

/** An org the actor may read, or a 404. */
export async function loadReadableOrg(tx: Tx, actor: Actor, orgId: string): Promise<OrgRow> {
  const [org] = await selectRows<OrgRow>(
    tx,
    sql`select ${orgColumns} from orgs where id = ${orgId} and ${orgInScope(actor, 'read', sql`tenant_id`, sql`path`)}`,
  );
  if (!org) throw notFound({ zh: '组织', en: 'organization' });
  return org;
}

/**
 * The subtree a findings filter narrows to: an org the actor reads, or an org of their own
 * university (a member filtering by their branch still sees only their own findings, because the
 * finding predicate applies as well).
 */
export async function loadFilterOrg(tx: Tx, actor: Actor, orgId: string): Promise<OrgRow> {
  const own = actor.tenantId ? sql`tenant_id = ${actor.tenantId}::uuid` : sql`false`;
  const [org] = await selectRows<OrgRow>(
    tx,
    sql`select ${orgColumns} from orgs where id = ${orgId}
      and (${orgInScope(actor, 'read', sql`tenant_id`, sql`path`)} or ${own})`,
  );
  if (!org) throw notFound({ zh: '组织', en: 'organization' });
  return org;
}

/**
 * The org a dashboard shows when none is asked for: the caller's university, else the root of
 * their first read area (an oversight viewer's first university).
 */
export async function defaultDashboardOrg(
  tx: Tx,
  actor: Actor,
  orgId: string | undefined,
  field = 'querystring.org',
): Promise<OrgRow> {
  if (orgId) return loadReadableOrg(tx, actor, orgId);
  const area = actor.readAreas.find((a) => a.tenantId === actor.tenantId) ?? actor.readAreas[0];
  const rootId = area ? area.path.split('/').filter(Boolean).at(-1) : actor.tenantId;
  // A platform admin belongs to no university: they name the org.
  if (!rootId) throw badInput([{ field, reason: '请指定组织 / name the organization' }]);
  return loadReadableOrg(tx, actor, rootId);
}
