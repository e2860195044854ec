import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { devPlanLines, devPlans } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { conflict } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { isUniqueViolation } from '../members/unique-violation.ts';
import { checkLines } from './check-lines.ts';
import { loadCollege } from './load-college.ts';
import { presentPlan } from './load-plan.ts';
import type { CreatePlanInput } from './schema.ts';

/** Files a college-level organization's development plan for a year (one per org and year: a second is a 409). */
export async function createPlan(tx: Tx, options: { input: CreatePlanInput; actor: Actor }) {
  const { input, actor } = options;
  const college = await loadCollege(tx, { actor, access: 'write', orgId: input.orgId });
  await checkLines(tx, college, input.lines);
  const exists = () =>
    conflict({
      zh: `${college.name}${input.year}年的发展计划已存在，请修改该计划`,
      en: `${college.name} already has a development plan for ${input.year}; edit it instead`,
    });
  const [taken] = await tx
    .select({ id: devPlans.id })
    .from(devPlans)
    .where(and(eq(devPlans.tenantId, college.tenantId), eq(devPlans.orgId, college.id), eq(devPlans.year, input.year)));
  if (taken) throw exists();
  let plan: typeof devPlans.$inferSelect;
  try {
    [plan] = await tx
      .insert(devPlans)
      .values({ tenantId: college.tenantId, orgId: college.id, year: input.year, note: input.note ?? null })
      .returning();
  } catch (e) {
    if (isUniqueViolation(e)) throw exists();
    throw e;
  }
  if (input.lines.length)
    await tx
      .insert(devPlanLines)
      .values(input.lines.map((l) => ({ tenantId: college.tenantId, planId: plan.id, ...l })));
  const view = await presentPlan(tx, plan, college);
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'devPlan',
    entityId: plan.id,
    tenantId: college.tenantId,
    orgPath: college.path,
    after: view,
  });
  return view;
}
