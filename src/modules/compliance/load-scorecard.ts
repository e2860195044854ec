/**
 * A branch's score card: every adopted, implemented (not manual) rule that applies to a branch or
 * below it, with its open findings in the branch's subtree, its status and its latest period.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { badInput } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { findingInScope, loadReadableOrg } from './finding-scope.ts';
import { adoptedSets } from './load-heatmap.ts';
import { branchLevelRules, complianceScore } from './score.ts';

/** Rules about the university or a college never judge a branch. */
const _aboveBranch = new Set(['university', 'college']);

export async function loadScorecard(tx: Tx, options: { actor: Actor; org: string }) {
  const org = await loadReadableOrg(tx, options.actor, options.org);
  if (org.kind !== 'branch') throw badInput([{ field: 'querystring.org', reason: '应为党支部 / must be a branch' }]);
  const rules = branchLevelRules(await adoptedSets(tx, org.tenantId));
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

  return {
    org: { id: org.id, code: org.code, name: org.name, kind: 'branch' as const },
    score: complianceScore({
      breachedChecks: items.filter((i) => i.status === 'breach').length,
      warnedChecks: items.filter((i) => i.status === 'warning').length,
      branches: 1,
      rules: items.length,
    }),
    rules: items,
  };
}
