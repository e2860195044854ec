import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connect.ts';
import { fundAllocations, fundBudgets, fundExpenses, orgs } from '../../db/schema.ts';
import type { Actor } from '../../server/scope.ts';
import { loadFundOrg } from './load-org.ts';

/** An org's budget, allocations and expenses (its own and its subtree's) for a year. */
export async function loadLedger(db: Db | Tx, options: { actor: Actor; orgId: string; year: number }) {
  const org = await loadFundOrg(db, options.actor, 'read', options.orgId);
  const { year } = options;
  const [budget] = await db
    .select()
    .from(fundBudgets)
    .where(and(eq(fundBudgets.tenantId, org.tenantId), eq(fundBudgets.orgId, org.id), eq(fundBudgets.year, year)));
  const allocations = await db
    .select()
    .from(fundAllocations)
    .where(
      and(
        eq(fundAllocations.tenantId, org.tenantId),
        eq(fundAllocations.orgId, org.id),
        eq(fundAllocations.year, year),
      ),
    )
    .orderBy(asc(fundAllocations.allocatedOn));
  const expenses = await db
    .select({ expense: fundExpenses, orgName: orgs.name, orgPath: orgs.path })
    .from(fundExpenses)
    .innerJoin(orgs, and(eq(orgs.tenantId, fundExpenses.tenantId), eq(orgs.id, fundExpenses.orgId)))
    .where(
      and(
        eq(fundExpenses.tenantId, org.tenantId),
        gte(fundExpenses.spentOn, `${year}-01-01`),
        lte(fundExpenses.spentOn, `${year}-12-31`),
      ),
    )
    .orderBy(asc(fundExpenses.spentOn));
  return {
    orgId: org.id,
    orgName: org.name,
    year,
    budget: budget
      ? {
          id: budget.id,
          orgId: budget.orgId,
          year: budget.year,
          amount: budget.amount,
          note: budget.note,
          version: budget.version,
        }
      : null,
    allocations: allocations.map((a) => ({
      id: a.id,
      orgId: a.orgId,
      year: a.year,
      allocatedOn: a.allocatedOn,
      amount: a.amount,
      note: a.note,
    })),
    expenses: expenses
      .filter((e) => e.orgPath.startsWith(org.path))
      .map(({ expense: e, orgName }) => ({
        id: e.id,
        orgId: e.orgId,
        orgName,
        spentOn: e.spentOn,
        amount: e.amount,
        category: e.category,
        description: e.description,
        version: e.version,
      })),
  };
}
