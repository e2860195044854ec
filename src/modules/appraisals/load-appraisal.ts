import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { appraisalEntries, appraisals, orgs, people } from '../../db/schema.ts';
import { conflict, notFound, stale } from '../../server/errors.ts';
import { type Access, type Actor, orgInScope } from '../../server/scope.ts';
import type { AppraisalStep } from './schema.ts';

export const appraisalLabel = { zh: '民主评议', en: 'appraisal' };

/** An appraisal with its branch, if the branch is in the actor's scope; else a 404. */
export async function loadAppraisalInScope(tx: Tx, actor: Actor, access: Access, appraisalId: string) {
  const [row] = await tx
    .select({ appraisal: appraisals, org: orgs })
    .from(appraisals)
    .innerJoin(orgs, and(eq(orgs.tenantId, appraisals.tenantId), eq(orgs.id, appraisals.orgId)))
    .where(and(eq(appraisals.id, appraisalId), orgInScope(actor, access, orgs.tenantId, orgs.path)));
  if (!row) throw notFound(appraisalLabel);
  return row;
}

/** The participants of an appraisal with their names, in roster order. */
export const loadEntries = (tx: Tx, tenantId: string, appraisalId: string) =>
  tx
    .select({ entry: appraisalEntries, name: people.name, code: people.code })
    .from(appraisalEntries)
    .innerJoin(people, and(eq(people.tenantId, appraisalEntries.tenantId), eq(people.id, appraisalEntries.personId)))
    .where(and(eq(appraisalEntries.tenantId, tenantId), eq(appraisalEntries.appraisalId, appraisalId)))
    .orderBy(asc(people.code));

const stepNames: Record<AppraisalStep, string> = {
  selfAssessment: '个人自评',
  peerReview: '党员互评',
  vote: '民主测评',
  verdict: '组织评定',
  closed: '已结束',
};

/** A step's work is accepted only while the appraisal is in that step (LIFE-08 fixes the order). */
export function requireStep(appraisal: { step: string; version: number }, step: AppraisalStep, version?: number) {
  if (version !== undefined && appraisal.version !== version) throw stale();
  if (appraisal.step !== step)
    throw conflict(
      {
        zh: `民主评议当前处于“${stepNames[appraisal.step as AppraisalStep]}”阶段，不能进行“${stepNames[step]}”`,
        en: `The appraisal is in step ${appraisal.step}; ${step} is not open`,
      },
      { step: appraisal.step, required: step },
    );
}
