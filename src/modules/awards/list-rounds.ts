import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { resolveParams } from '../../domain/compliance/parameters.ts';
import { ruleById } from '../../domain/compliance/rules.ts';
import { notFound } from '../../server/errors.ts';
import { type Actor, tenantIdsInScope } from '../../server/scope.ts';
import { loadConfigs } from '../compliance/load-config.ts';
import { selectRows } from '../orgs/select-rows.ts';

type RoundRow = {
  roundYear: number;
  nominated: number;
  reviewed: number;
  publicized: number;
  decided: number;
  rejected: number;
};

/**
 * A university's commendation rounds with the nominations at each status, the latest round with a
 * decision, and when the next is due under ASSESS-08 (counted from the university's founding when none was held).
 */
export async function listRounds(tx: Tx, options: { actor: Actor; tenantId: string | undefined }) {
  const { actor } = options;
  const tenantId = options.tenantId ?? actor.tenantId;
  if (!tenantId || !(actor.all || tenantIdsInScope(actor, 'read').includes(tenantId)))
    throw notFound({ zh: '学校', en: 'university' });
  const [root] = await selectRows<{ foundedOn: string }>(
    tx,
    sql`select to_char(valid_from, 'YYYY-MM-DD') as "foundedOn" from orgs where tenant_id = ${tenantId} and id = ${tenantId}`,
  );
  if (!root) throw notFound({ zh: '学校', en: 'university' });
  const rounds = await selectRows<RoundRow>(
    tx,
    sql`select round_year as "roundYear",
        count(*) filter (where status = 'nominated')::int as nominated,
        count(*) filter (where status = 'reviewed')::int as reviewed,
        count(*) filter (where status = 'publicized')::int as publicized,
        count(*) filter (where status = 'decided')::int as decided,
        count(*) filter (where status = 'rejected')::int as rejected
      from awards where tenant_id = ${tenantId} group by round_year order by round_year desc`,
  );
  const config = (await loadConfigs(tx, [tenantId])).get(tenantId);
  const rule = ruleById.get('ASSESS-08');
  const params = rule ? resolveParams(rule, config?.sets ?? [], config?.overrides ?? [], `/${tenantId}/`) : {};
  const everyYears = Number(params.everyYears ?? 2);
  const lastRoundYear = rounds.find((r) => r.decided > 0)?.roundYear ?? null;
  return {
    tenantId,
    everyYears,
    publicityWorkdays: Number(params.publicityWorkdays ?? 5),
    lastRoundYear,
    nextDueYear: (lastRoundYear ?? Number(root.foundedOn.slice(0, 4))) + everyYears,
    rounds,
  };
}
