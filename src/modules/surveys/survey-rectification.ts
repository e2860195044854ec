/**
 * Turns a problem a survey found into a rectification item (source `survey`) of the surveyed
 * branch: the check's note is the problem unless one is given. Write scope over the branch.
 */

import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { rectifications } from '../../db/schema.ts';
import { badInput, conflict } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { insertRectification } from '../rectifications/create-rectification.ts';
import { resolveOwner } from '../rectifications/resolve-owner.ts';
import { loadScopedOrg } from '../rectifications/superior.ts';
import { loadSurvey } from './load-survey.ts';
import type { ChecklistEntry, SurveyRectification } from './schema.ts';
import { sixCheckNames } from './six-checks.ts';

export async function createSurveyRectification(
  tx: Tx,
  options: { surveyId: string; input: SurveyRectification; actor: Actor },
) {
  const { surveyId, input, actor } = options;
  const { survey } = await loadSurvey(tx, actor, surveyId, 'read');
  const org = await loadScopedOrg(tx, actor, survey.orgId, 'write');
  const entry = (survey.checklist as ChecklistEntry[]).find((c) => c.check === input.check);
  if (entry?.result !== 'problem')
    throw badInput([{ field: 'body.check', reason: '该项未发现问题 / this check found no problem' }]);
  const problem = input.problem ?? `${sixCheckNames[input.check].zh.split('，')[0]}：${entry.note}`;
  const owner = await resolveOwner(tx, actor, org.tenantId, input);
  if (!owner) throw badInput([{ field: 'body.ownerName', reason: '请填写责任人 / the owner is required' }]);
  const [same] = await tx
    .select({ id: rectifications.id })
    .from(rectifications)
    .where(
      and(
        eq(rectifications.tenantId, org.tenantId),
        eq(rectifications.source, 'survey'),
        eq(rectifications.sourceId, survey.id),
        eq(rectifications.problem, problem),
        sql`${rectifications.status} <> 'verified'`,
      ),
    );
  if (same)
    throw conflict(
      { zh: '该问题已有未验收的整改事项', en: 'There is already an unverified rectification item for this' },
      { id: same.id },
    );
  return insertRectification(tx, actor, org, {
    source: 'survey',
    sourceId: survey.id,
    year: survey.year,
    problem,
    ownerId: owner.ownerId,
    ownerName: owner.ownerName,
    measures: input.measures,
    deadline: input.deadline,
  });
}
