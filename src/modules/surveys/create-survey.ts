/**
 * Records a branch's survey of a year (摸底排查, 六查六看). Surveying is the superior's work (学院党委、
 * 各总支每年要对党支部情况进行摸底排查), so the branch cannot survey itself; one survey per branch and year.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { surveys } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadScopedOrg } from '../rectifications/superior.ts';
import { checkChecklist, checkSurveyedOn } from './check-checklist.ts';
import type { CreateSurvey } from './schema.ts';

export async function createSurvey(tx: Tx, options: { input: CreateSurvey; actor: Actor; today: string }) {
  const { input, actor, today } = options;
  const checklist = checkChecklist(input.checklist);
  checkSurveyedOn(input.surveyedOn, input.year, today);
  const org = await loadScopedOrg(tx, actor, input.orgId, 'supervise');
  if (org.kind !== 'branch')
    throw badInput([{ field: 'body.orgId', reason: '摸底排查的对象是党支部 / a survey is of a branch' }]);
  const [existing] = await tx
    .select({ id: surveys.id })
    .from(surveys)
    .where(and(eq(surveys.tenantId, org.tenantId), eq(surveys.orgId, org.id), eq(surveys.year, input.year)));
  if (existing)
    throw conflict(
      {
        zh: '该支部本年度已有摸底排查记录，请修改原记录',
        en: 'This branch already has a survey for the year; edit it',
      },
      { id: existing.id },
    );
  const [row] = await tx
    .insert(surveys)
    .values({
      tenantId: org.tenantId,
      orgId: org.id,
      year: input.year,
      surveyedOn: input.surveyedOn,
      checklist,
      conclusion: input.conclusion,
      weak: input.weak,
      recordedByName: actor.displayName,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'survey',
    entityId: row.id,
    tenantId: org.tenantId,
    orgPath: org.path,
    after: row,
  });
  return row;
}
