import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { memberships, modelUnits } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadUnitOrg, requireCollegeRole } from './load-unit.ts';
import type { ApplyInput, UnitKind } from './schema.ts';

const orgKindOf: Record<UnitKind, 'branch' | 'college'> = {
  modelBranch: 'branch',
  benchmarkCollege: 'college',
  dualLeaderStudio: 'branch',
};

/** The college applies for one of its branches (or itself, for a benchmark college): status `applied`. */
export async function applyUnit(tx: Tx, options: { input: ApplyInput; actor: Actor; today: string }) {
  const { input, actor, today } = options;
  const org = await loadUnitOrg(tx, actor, input.orgId);
  requireCollegeRole(actor, org);
  const issues: { field: string; reason: string }[] = [];
  if (org.kind !== orgKindOf[input.kind] || org.validTo !== null)
    issues.push({
      field: 'orgId',
      reason:
        orgKindOf[input.kind] === 'branch'
          ? '须为现有党支部 / must be a current branch'
          : '须为现有二级党组织（院系） / must be a current college',
    });
  if (input.appliedOn > today) issues.push({ field: 'appliedOn', reason: '不能晚于今天 / cannot be in the future' });
  if (input.kind === 'dualLeaderStudio') {
    if (!input.leaderId) issues.push({ field: 'leaderId', reason: '工作室须有书记 / a studio needs its leader' });
    else {
      const [member] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(
          and(
            eq(memberships.tenantId, org.tenantId),
            eq(memberships.personId, input.leaderId),
            eq(memberships.orgId, org.id),
            sql`${memberships.validTo} is null`,
          ),
        );
      if (!member) issues.push({ field: 'leaderId', reason: '须为本支部党员 / must be a member of the branch' });
    }
  } else if (input.leaderId) issues.push({ field: 'leaderId', reason: '仅工作室填写 / only for a studio' });
  if (issues.length) throw badInput(issues);
  const [open] = await tx
    .select({ id: modelUnits.id })
    .from(modelUnits)
    .where(
      and(
        eq(modelUnits.tenantId, org.tenantId),
        eq(modelUnits.orgId, org.id),
        eq(modelUnits.kind, input.kind),
        eq(modelUnits.level, input.level),
        inArray(modelUnits.status, ['applied', 'cultivating', 'accepted']),
      ),
    );
  if (open)
    throw conflict({
      zh: '该组织已有同类同级的申报、培育或已验收记录',
      en: 'This org already has an open or accepted unit of this kind and level',
    });
  const [unit] = await tx
    .insert(modelUnits)
    .values({
      tenantId: org.tenantId,
      kind: input.kind,
      orgId: org.id,
      leaderId: input.leaderId ?? null,
      level: input.level,
      planYear: input.planYear,
      appliedOn: input.appliedOn,
      note: input.note ?? null,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'apply',
    entity: 'modelUnit',
    entityId: unit.id,
    tenantId: org.tenantId,
    orgPath: org.path,
    after: unit,
  });
  return unit;
}
