import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { inSubtree, loadReadableOrg } from './load-org.ts';
import { periodsBetween } from './periods.ts';

export type CountBy = 'month' | 'quarter' | 'year';

const periodKey = {
  month: sql.raw(`to_char(m.held_on, 'YYYY-MM')`),
  quarter: sql.raw(`to_char(m.held_on, 'YYYY') || '-Q' || to_char(m.held_on, 'Q')`),
  year: sql.raw(`to_char(m.held_on, 'YYYY')`),
};

/** Held meetings of an org's subtree by type and period: one GROUP BY, empty periods listed. */
export async function countMeetings(
  tx: Tx,
  options: { actor: Actor; orgId: string; from: string; to: string; by: CountBy },
) {
  const { actor, from, to, by } = options;
  const org = await loadReadableOrg(tx, actor, options.orgId);
  const sub = inSubtree(org);
  const rows = await selectRows<{ period: string; type: string; count: number }>(
    tx,
    sql`
    select ${periodKey[by]} as period, m.type, count(*)::int as count
    from meetings m join orgs o on o.tenant_id = m.tenant_id and o.id = m.org_id
    where o.tenant_id = ${sub.tenantId} and o.path like ${sub.like}
      and ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)}
      and m.status in ('held', 'recorded') and m.held_on between ${from}::date and ${to}::date
    group by 1, 2
    order by 1, 2`,
  );
  const totals: Record<string, number> = {};
  for (const r of rows) totals[r.type] = (totals[r.type] ?? 0) + r.count;
  return { orgId: org.id, from, to, by, periods: periodsBetween(from, to, by), items: rows, totals };
}
