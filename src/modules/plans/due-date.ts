import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { parameterOverrides } from '../../db/schema.ts';

/** LIFE-10's default: the year's plan is filed by January 31 of that year. */
export const DEFAULT_DUE = '01-31';

type Override = { tenantId: string; orgId: string | null; values: unknown };

/** The LIFE-10 overrides of these universities, loaded once for a whole list. */
export function loadDueOverrides(tx: Tx, tenantIds: string[]): Promise<Override[]> {
  if (tenantIds.length === 0) return Promise.resolve([]);
  return tx
    .select({
      tenantId: parameterOverrides.tenantId,
      orgId: parameterOverrides.orgId,
      values: parameterOverrides.values,
    })
    .from(parameterOverrides)
    .where(and(inArray(parameterOverrides.tenantId, tenantIds), eq(parameterOverrides.rule, 'LIFE-10')));
}

/**
 * The `dueDate` parameter ('MM-DD') for a branch: the override on the nearest ancestor (or the
 * branch itself) wins over the university-wide one, which wins over the default.
 */
export function dueMonthDay(overrides: Override[], tenantId: string, orgPath: string): string {
  const ancestorIds = orgPath.split('/').filter(Boolean);
  const depthOf = (orgId: string | null) => (orgId ? ancestorIds.indexOf(orgId) : -1);
  const best = overrides
    .filter((o) => o.tenantId === tenantId && (o.orgId === null || ancestorIds.includes(o.orgId)))
    .filter((o) => /^\d{2}-\d{2}$/.test(String((o.values as { dueDate?: unknown } | null)?.dueDate)))
    .sort((a, b) => depthOf(b.orgId) - depthOf(a.orgId))[0];
  return best ? (best.values as { dueDate: string }).dueDate : DEFAULT_DUE;
}

export async function planDueDate(tx: Tx, plan: { tenantId: string; year: number }, orgPath: string) {
  const overrides = await loadDueOverrides(tx, [plan.tenantId]);
  return `${plan.year}-${dueMonthDay(overrides, plan.tenantId, orgPath)}`;
}

/** Filed after the due date — or not filed yet when the due date has passed. */
export const isLate = (dueDate: string, submittedOn: string | null, today: string) =>
  submittedOn ? submittedOn > dueDate : today > dueDate;
