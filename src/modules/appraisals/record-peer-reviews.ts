import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { appraisalEntries } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, type FieldIssue } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadAppraisalInScope, loadEntries, requireStep } from './load-appraisal.ts';
import { touchAppraisal } from './touch-appraisal.ts';

/** 党员互评: the secretary records whose peer review has been held. */
export async function recordPeerReviews(
  tx: Tx,
  options: { appraisalId: string; input: { version: number; personIds: string[]; done: boolean }; actor: Actor },
) {
  const { input, actor } = options;
  const { appraisal, org } = await loadAppraisalInScope(tx, actor, 'write', options.appraisalId);
  requireStep(appraisal, 'peerReview', input.version);
  const participants = new Set((await loadEntries(tx, appraisal.tenantId, appraisal.id)).map((r) => r.entry.personId));
  const issues: FieldIssue[] = input.personIds.flatMap((personId, i) =>
    participants.has(personId)
      ? []
      : [{ field: `body.personIds.${i}`, reason: '不是本次评议的参评党员 / not a participant' }],
  );
  if (issues.length) throw badInput(issues);
  const updated = await touchAppraisal(tx, appraisal, input.version);
  await tx
    .update(appraisalEntries)
    .set({ peerReviewDone: input.done })
    .where(
      and(
        eq(appraisalEntries.tenantId, appraisal.tenantId),
        eq(appraisalEntries.appraisalId, appraisal.id),
        inArray(appraisalEntries.personId, input.personIds),
      ),
    );
  await recordAudit(tx, actor, {
    action: 'peerReview',
    entity: 'appraisal',
    entityId: appraisal.id,
    tenantId: appraisal.tenantId,
    orgPath: org.path,
    after: { personIds: input.personIds, done: input.done },
  });
  return updated;
}
