/** Verdicts on manual rules for the scope, the only input of those rules. */
import { sql } from 'drizzle-orm';
import type { Verdict } from '../../domain/compliance/types.ts';
import { selectRows } from '../../modules/orgs/select-rows.ts';
import type { Tx } from '../connect.ts';
import { type FactScope, orgFilter } from './scope.ts';

export function loadVerdicts(tx: Tx, scope: FactScope, rules: string[]): Promise<Verdict[]> {
  return selectRows<Verdict>(
    tx,
    sql`select v.id, v.rule, v.org_id as "orgId", v.period, v.verdict, v.note,
        to_char(v.decided_on, 'YYYY-MM-DD') as "decidedOn", v.decided_by_name as "decidedByName"
      from rule_verdicts v join orgs o on o.tenant_id = v.tenant_id and o.id = v.org_id
      where ${orgFilter(scope)} and v.rule = any(${sql.param(rules)}::text[])`,
  );
}
