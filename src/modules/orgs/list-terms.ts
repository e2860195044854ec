import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { terms } from '../../db/schema.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { loadOrgInScope } from './load-org.ts';
import { presentTerms } from './present-terms.ts';
import { selectRows } from './select-rows.ts';

/** Every term of an org in the actor's read scope, newest first. */
export async function listOrgTerms(tx: Tx, options: { actor: Actor; orgId: string; today: string }) {
  const org = await loadOrgInScope(tx, options.actor, 'read', options.orgId);
  const rows = await tx
    .select()
    .from(terms)
    .where(and(eq(terms.tenantId, org.tenantId), eq(terms.orgId, org.id)))
    .orderBy(desc(terms.electedOn), desc(terms.createdAt));
  return { items: await presentTerms(tx, rows, options.today) };
}

/**
 * The latest term of each live org in scope that ends within `withinDays` of today or has already
 * ended without a successor: the committees due for re-election (换届).
 */
export async function listExpiringTerms(tx: Tx, options: { actor: Actor; withinDays: number; today: string }) {
  const { actor, withinDays, today } = options;
  const latest = await selectRows<{ id: string }>(
    tx,
    sql`
    select id from (
      select distinct on (t.tenant_id, t.org_id) t.id, t.ends_on
      from terms t join orgs o on o.tenant_id = t.tenant_id and o.id = t.org_id
      where o.valid_to is null and ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)}
      order by t.tenant_id, t.org_id, t.elected_on desc, t.created_at desc
    ) latest
    where latest.ends_on <= ${today}::date + ${withinDays}::int`,
  );
  const ids = latest.map((r) => r.id);
  if (ids.length === 0) return { items: [] };
  const rows = await tx
    .select()
    .from(terms)
    .where(
      sql`${terms.id} in (${sql.join(
        ids.map((i) => sql`${i}::uuid`),
        sql`, `,
      )})`,
    );
  const items = await presentTerms(tx, rows, today);
  items.sort((a, b) => a.daysLeft - b.daysLeft || a.orgCode.localeCompare(b.orgCode));
  return { items };
}
