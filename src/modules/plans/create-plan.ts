import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { lifePlanItems, lifePlans } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict, type FieldIssue } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { isUniqueViolation } from '../members/unique-violation.ts';
import { loadOrgInScope } from '../orgs/load-org.ts';
import { checkItems } from './check-items.ts';
import type { CreatePlanInput } from './schema.ts';

/** A branch's draft plan for a year; the branch (or someone above it) writes it. */
export async function createPlan(tx: Tx, options: { input: CreatePlanInput; actor: Actor }) {
  const { input, actor } = options;
  const org = await loadOrgInScope(tx, actor, 'write', input.orgId);
  const issues: FieldIssue[] = [];
  if (org.kind !== 'branch')
    issues.push({ field: 'body.orgId', reason: '年度计划由党支部制定 / annual plans are made by branches' });
  if (org.validTo && org.validTo < `${input.year}-01-01`)
    issues.push({
      field: 'body.year',
      reason: `该支部已于 ${org.validTo} 撤销 / the branch was dissolved on ${org.validTo}`,
    });
  const checked = await checkItems(tx, {
    tenantId: org.tenantId,
    year: input.year,
    items: input.items,
    field: 'body.items',
  });
  issues.push(...checked.issues);
  if (issues.length) throw badInput(issues);
  const [existing] = await tx
    .select({ id: lifePlans.id })
    .from(lifePlans)
    .where(and(eq(lifePlans.tenantId, org.tenantId), eq(lifePlans.orgId, org.id), eq(lifePlans.year, input.year)));
  const duplicate = (planId: string | null) =>
    conflict(
      { zh: `该支部${input.year}年度计划已存在`, en: `The branch already has a plan for ${input.year}` },
      { planId },
    );
  if (existing) throw duplicate(existing.id);
  // Two drafts filed at once: the unique index on (org, year) has the last word.
  const [plan] = await tx
    .insert(lifePlans)
    .values({ tenantId: org.tenantId, orgId: org.id, year: input.year })
    .returning()
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? duplicate(null) : error;
    });
  const items = checked.rows.length
    ? await tx
        .insert(lifePlanItems)
        .values(checked.rows.map((r) => ({ ...r, tenantId: org.tenantId, planId: plan.id })))
        .returning()
    : [];
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'lifePlan',
    entityId: plan.id,
    tenantId: org.tenantId,
    orgPath: org.path,
    after: { ...plan, items },
  });
  return plan;
}
