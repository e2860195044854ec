/** Corrects a survey (the superior only); a stale version is a 409. */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { surveys } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { checkChecklist, checkSurveyedOn } from './check-checklist.ts';
import { loadSurvey } from './load-survey.ts';
import type { UpdateSurvey } from './schema.ts';

export async function updateSurvey(tx: Tx, options: { id: string; input: UpdateSurvey; actor: Actor; today: string }) {
  const { id, input, actor, today } = options;
  const checklist = input.checklist ? checkChecklist(input.checklist) : undefined;
  const { org, survey } = await loadSurvey(tx, actor, id, 'supervise');
  if (input.surveyedOn) checkSurveyedOn(input.surveyedOn, survey.year, today);
  if (survey.version !== input.version) throw stale();
  const [updated] = await tx
    .update(surveys)
    .set({
      surveyedOn: input.surveyedOn ?? survey.surveyedOn,
      checklist: checklist ?? survey.checklist,
      conclusion: input.conclusion ?? survey.conclusion,
      weak: input.weak ?? survey.weak,
      recordedByName: actor.displayName,
      updatedAt: sql`now()`,
      version: sql`${surveys.version} + 1`,
    })
    .where(and(eq(surveys.tenantId, survey.tenantId), eq(surveys.id, id), eq(surveys.version, input.version)))
    .returning();
  if (!updated) throw stale();
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'survey',
    entityId: id,
    tenantId: survey.tenantId,
    orgPath: org.path,
    before: survey,
    after: updated,
  });
  return updated;
}
