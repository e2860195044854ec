/** 应缴, 实缴 and rate for every university-, college- and branch-level org of a subtree over a range of months, with dues returned. */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { collectionStats as rollUp } from '../../domain/dues/collection.ts';
import { badInput } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { loadLedgers, loadOrgInScope } from './load-ledgers.ts';

export async function collectionStats(
  tx: Tx,
  options: { actor: Actor; orgId: string; from: string; to: string; today: string },
) {
  const { from, to, today } = options;
  if (to < from) throw badInput([{ field: 'query.to', reason: '早于起始月份 / before from' }]);
  const org = await loadOrgInScope(tx, options.actor, options.orgId);
  const orgs = await selectRows<{
    id: string;
    code: string;
    name: string;
    kind: string;
    parentId: string | null;
    path: string;
  }>(
    tx,
    sql`select id, code, name, kind, parent_id as "parentId", path from orgs
      where tenant_id = ${org.tenantId}::uuid and path like ${`${org.path}%`} and kind in ('university', 'college', 'branch')
      order by path`,
  );
  const ledgers = await loadLedgers(tx, { org, fromMonth: from, toMonth: to, asOf: today });
  const totals = rollUp(orgs, ledgers, { from, to });
  const returned = await selectRows<{ path: string; amount: number }>(
    tx,
    sql`select o.path, sum(r.amount)::int as amount from dues_returns r
      join orgs o on o.tenant_id = r.tenant_id and o.id = r.org_id
      where r.tenant_id = ${org.tenantId}::uuid and o.path like ${`${org.path}%`}
        and r.year between ${Number(from.slice(0, 4))} and ${Number(to.slice(0, 4))}
      group by o.path`,
  );
  const returnedTo = (path: string) =>
    returned.filter((r) => r.path.startsWith(path)).reduce((sum, r) => sum + Number(r.amount), 0);
  return {
    from,
    to,
    rows: orgs.map((o) => ({
      orgId: o.id,
      code: o.code,
      name: o.name,
      kind: o.kind,
      parentId: o.parentId,
      ...totals.get(o.id)!,
      returned: returnedTo(o.path),
    })),
  };
}
