/**
 * Budget against spending for each college-level organization of a subtree and year, with the
 * FUND-01 floor from the same facts query the rules use (`fundYearsSql`) and the parameters the
 * university's standard sets and overrides give each org.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { fundYearsSql } from '../../db/facts/funds.ts';
import { fundBudgets, orgs } from '../../db/schema.ts';
import { resolveParams } from '../../domain/compliance/parameters.ts';
import { ruleById } from '../../domain/compliance/rules.ts';
import type { FundYear } from '../../domain/rules/fund-facts.ts';
import { minimumBudget } from '../../domain/rules/fund-facts.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { loadConfigs } from '../compliance/load-config.ts';
import { selectRows } from '../orgs/select-rows.ts';
import type { OverviewRow } from './schema.ts';

export async function loadOverview(
  tx: Tx,
  options: { actor: Actor; root: { tenantId: string; path: string }; year: number },
): Promise<OverviewRow[]> {
  const { actor, root, year } = options;
  const where = sql`o.tenant_id = ${root.tenantId} and o.path like ${`${root.path}%`}
    and ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)}`;
  const years = await selectRows<FundYear>(tx, fundYearsSql(where, { from: year, to: year }));
  if (years.length === 0) return [];
  const ids = years.map((y) => y.orgId);
  const orgRows = await tx
    .select({ id: orgs.id, code: orgs.code, name: orgs.name, path: orgs.path })
    .from(orgs)
    .where(and(eq(orgs.tenantId, root.tenantId), inArray(orgs.id, ids)));
  const orgById = new Map(orgRows.map((o) => [o.id, o]));
  const budgets = await tx
    .select({ orgId: fundBudgets.orgId, id: fundBudgets.id, version: fundBudgets.version })
    .from(fundBudgets)
    .where(and(eq(fundBudgets.tenantId, root.tenantId), eq(fundBudgets.year, year), inArray(fundBudgets.orgId, ids)));
  const budgetByOrg = new Map(budgets.map((b) => [b.orgId, b]));
  const config = (await loadConfigs(tx, [root.tenantId])).get(root.tenantId);
  const rule = ruleById.get('FUND-01');
  return years.map((y) => {
    const org = orgById.get(y.orgId);
    const params = rule ? resolveParams(rule, config?.sets ?? [], config?.overrides ?? [], org?.path ?? '') : {};
    const perStaff = Number(params.perStaff ?? 30000);
    const perStudent = Number(params.perStudent ?? 10000);
    const budget = budgetByOrg.get(y.orgId);
    return {
      orgId: y.orgId,
      orgCode: org?.code ?? '',
      orgName: org?.name ?? '',
      year,
      staffMembers: y.staffMembers,
      studentMembers: y.studentMembers,
      minimum: minimumBudget(y, perStaff, perStudent),
      perStaff,
      perStudent,
      budget: y.budget,
      budgetId: budget?.id ?? null,
      budgetVersion: budget?.version ?? null,
      allocated: y.allocated,
      spent: y.spent,
      expenses: y.expenses,
      balance: y.allocated - y.spent,
    };
  });
}
