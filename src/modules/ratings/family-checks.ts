/**
 * What the engine items of a rating are computed from: for each rated org and rule family, the
 * family's adopted branch-level rules, the branches of the org's subtree, and the distinct
 * (org, rule) checks with an open breach or only open warnings among the findings of the year's
 * periods — the counting of `src/modules/compliance/score.ts`, narrowed to a family and a year.
 * Findings about the present state (no period) are not counted in any year.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { type EngineFamily, engineFamilies, type FamilyChecks } from '../../domain/evaluation/rating-rubric.ts';
import { adoptedSets } from '../compliance/load-heatmap.ts';
import { branchLevelRules } from '../compliance/score.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { validInYearSql } from './rating-orgs.ts';

export type ChecksByOrg = Map<string, Partial<Record<EngineFamily, FamilyChecks>>>;

export async function loadFamilyChecks(
  tx: Tx,
  options: { tenantId: string; orgIds: string[]; year: number },
): Promise<ChecksByOrg> {
  const { tenantId, orgIds, year } = options;
  const out: ChecksByOrg = new Map();
  if (orgIds.length === 0) return out;
  const rules = branchLevelRules(await adoptedSets(tx, tenantId)).filter((r) =>
    (engineFamilies as readonly string[]).includes(r.family),
  );
  const rulesOf = (f: EngineFamily) => rules.filter((r) => r.family === f).length;
  const ids = sql.param(orgIds);
  const branches = await selectRows<{ orgId: string; branches: number }>(
    tx,
    sql`select r.id as "orgId", (select count(*)::int from orgs b where b.tenant_id = r.tenant_id
          and b.path like r.path || '%' and b.kind = 'branch' and ${validInYearSql('b', year)}) as branches
      from orgs r where r.tenant_id = ${tenantId} and r.id = any(${ids}::uuid[])`,
  );
  const ruleIds = rules.map((r) => r.id);
  const checks =
    ruleIds.length === 0
      ? []
      : await selectRows<{ orgId: string; family: EngineFamily; breached: number; warned: number }>(
          tx,
          sql`select x.rated_id as "orgId", x.family, count(*) filter (where x.breach)::int as breached,
              count(*) filter (where not x.breach)::int as warned
            from (select r.id as rated_id, f.family, f.org_id, f.rule, bool_or(f.severity = 'breach') as breach
              from orgs r join findings f on f.tenant_id = r.tenant_id and f.org_path like r.path || '%'
              where r.tenant_id = ${tenantId} and r.id = any(${ids}::uuid[]) and f.status = 'open'
                and f.severity in ('breach', 'warning') and f.rule = any(${sql.param(ruleIds)}::text[])
                and (f.period = ${String(year)} or f.period like ${`${year}-%`})
              group by r.id, f.family, f.org_id, f.rule) x
            group by x.rated_id, x.family`,
        );
  for (const b of branches) {
    const byFamily: Partial<Record<EngineFamily, FamilyChecks>> = {};
    for (const f of engineFamilies) {
      const c = checks.find((x) => x.orgId === b.orgId && x.family === f);
      byFamily[f] = {
        rules: rulesOf(f),
        branches: b.branches,
        breachedChecks: c?.breached ?? 0,
        warnedChecks: c?.warned ?? 0,
      };
    }
    out.set(b.orgId, byFamily);
  }
  return out;
}

/** The published review score of each org's secretary for the year (the latest round's, if several). */
export async function loadReviewScores(
  tx: Tx,
  options: { tenantId: string; orgIds: string[]; year: number },
): Promise<Map<string, number>> {
  if (options.orgIds.length === 0) return new Map();
  const rows = await selectRows<{ orgId: string; score: number }>(
    tx,
    sql`select distinct on (v.org_id) v.org_id as "orgId", v.final_score as score
      from secretary_reviews v join secretary_review_rounds n on n.tenant_id = v.tenant_id and n.id = v.round_id
      where v.tenant_id = ${options.tenantId} and v.org_id = any(${sql.param(options.orgIds)}::uuid[])
        and n.year = ${options.year} and n.status = 'published' and v.final_score is not null
      order by v.org_id, n.published_on desc nulls last, n.created_at desc`,
  );
  return new Map(rows.map((r) => [r.orgId, r.score]));
}
