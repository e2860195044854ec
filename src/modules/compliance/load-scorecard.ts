/**
 * A branch's score card: every adopted, implemented (not manual) rule that applies to a branch or
 * below it, with its open findings in the branch's subtree, its status and its latest period.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { ruleById } from '../../domain/compliance/rules.ts';
import { adoptedRuleIds, standardSetByCode } from '../../domain/compliance/standard-sets.ts';
import type { Rule } from '../../domain/compliance/types.ts';
import { badInput } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { findingInScope, loadReadableOrg } from './finding-scope.ts';
import { complianceScore } from './score.ts';

/** Rules about the university or a college never judge a branch. */
const aboveBranch = new Set(['university', 'college']);

export async function loadScorecard(tx: Tx, options: { actor: Actor; org: string }) {
  const org = await loadReadableOrg(tx, options.actor, options.org);
  if (org.kind !== 'branch') throw badInput([{ field: 'querystring.org', reason: '应为党支部 / must be a branch' }]);
  const [t] = await selectRows<{ sets: string[] }>(
    tx,
    sql`select standard_sets as sets from tenants where id = ${org.tenantId}`,
  );
  const sets = (t?.sets ?? []).flatMap((c) => standardSetByCode.get(c) ?? []);
  const rules = [...adoptedRuleIds(sets)]
    .map((id) => ruleById.get(id))
    .filter((r): r is Rule => r !== undefined && !r.manual && !aboveBranch.has(r.scope));
  const stats = await selectRows<{
    rule: string;
    breach: number;
    warning: number;
    open: number;
    lastPeriod: string | null;
  }>(
    tx,
    sql`select f.rule,
        count(*) filter (where f.status = 'open' and f.severity = 'breach')::int as breach,
        count(*) filter (where f.status = 'open' and f.severity = 'warning')::int as warning,
        count(*) filter (where f.status = 'open')::int as open,
        max(f.period) as "lastPeriod"
      from findings f
      where f.tenant_id = ${org.tenantId} and f.org_path like ${`${org.path}%`} and ${findingInScope(options.actor)}
      group by f.rule`,
  );
  const byRule = new Map(stats.map((s) => [s.rule, s]));
  const items = rules.map((r) => {
    const s = byRule.get(r.id);
    const status: 'ok' | 'warning' | 'breach' = s?.breach ? 'breach' : s?.warning ? 'warning' : 'ok';
    return {
      rule: r.id,
      title: r.title,
      family: r.family,
      status,
      open: s?.open ?? 0,
      lastPeriod: s?.lastPeriod ?? null,
    };
  });
  const breach = stats.reduce((n, s) => n + s.breach, 0);
  const warning = stats.reduce((n, s) => n + s.warning, 0);
  return {
    org: { id: org.id, code: org.code, name: org.name, kind: 'branch' as const },
    score: complianceScore({ breach, warning, branches: 1 }),
    rules: items,
  };
}
