import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { appraisalEntries, appraisals, memberships, orgs, people } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict, type FieldIssue, notFound } from '../../server/errors.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import type { CreateAppraisalInput } from './schema.ts';

/**
 * Opens a branch's appraisal of a year. The participants are fixed now: the branch's members in
 * normal standing on the start date (suspended members are not appraised).
 */
export async function createAppraisal(tx: Tx, options: { input: CreateAppraisalInput; actor: Actor }) {
  const { input, actor } = options;
  const [org] = await tx
    .select()
    .from(orgs)
    .where(and(eq(orgs.id, input.orgId), orgInScope(actor, 'write', orgs.tenantId, orgs.path)));
  if (!org) throw notFound({ zh: '党组织', en: 'org' });

  const issues: FieldIssue[] = [];
  if (org.kind !== 'branch')
    issues.push({ field: 'body.orgId', reason: '民主评议以党支部为单位 / appraisals are held by a branch' });
  // The appraisal of a year is often held early the next year, so January of year + 1 is fine too.
  const startYear = Number(input.startedOn.slice(0, 4));
  if (startYear !== input.year && startYear !== input.year + 1)
    issues.push({
      field: 'body.startedOn',
      reason: `开始日期应在 ${input.year} 年或次年 / must fall in ${input.year} or the year after`,
    });
  if (input.startedOn < org.validFrom || (org.validTo && input.startedOn >= org.validTo))
    issues.push({ field: 'body.startedOn', reason: '党组织在该日期不存在 / the branch did not exist on that day' });
  if (issues.length) throw badInput(issues);

  const [existing] = await tx
    .select({ id: appraisals.id })
    .from(appraisals)
    .where(and(eq(appraisals.tenantId, org.tenantId), eq(appraisals.orgId, org.id), eq(appraisals.year, input.year)));
  if (existing)
    throw conflict(
      { zh: `该支部 ${input.year} 年度的民主评议已存在`, en: `The branch already has an appraisal for ${input.year}` },
      { id: existing.id },
    );

  const participants = await tx
    .select({ personId: memberships.personId, leadingCadre: people.leadingCadre })
    .from(memberships)
    .innerJoin(people, and(eq(people.tenantId, memberships.tenantId), eq(people.id, memberships.personId)))
    .where(
      and(
        eq(memberships.tenantId, org.tenantId),
        eq(memberships.orgId, org.id),
        eq(memberships.standing, 'normal'),
        lte(memberships.validFrom, input.startedOn),
        or(isNull(memberships.validTo), gt(memberships.validTo, input.startedOn)),
      ),
    );
  if (participants.length === 0)
    throw badInput([{ field: 'body.orgId', reason: '该日期支部没有正常党员 / the branch has no members on that day' }]);

  const [appraisal] = await tx
    .insert(appraisals)
    .values({ tenantId: org.tenantId, orgId: org.id, year: input.year, startedOn: input.startedOn })
    .returning();
  await tx.insert(appraisalEntries).values(
    participants.map((p) => ({
      tenantId: org.tenantId,
      appraisalId: appraisal.id,
      personId: p.personId,
      leadingCadre: p.leadingCadre,
    })),
  );
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'appraisal',
    entityId: appraisal.id,
    tenantId: org.tenantId,
    orgPath: org.path,
    after: { ...appraisal, participants: participants.length },
  });
  return appraisal;
}
