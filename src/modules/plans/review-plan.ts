import type { Tx } from '../../db/connect.ts';
import type { Actor } from '../../server/scope.ts';
import { loadPlanInScope, requireStatus, requireSuperior } from './load-plan.ts';
import { setPlanStatus } from './set-plan-status.ts';

/** The superior approves a submitted plan, or returns it to the branch with the reason. */
export async function reviewPlan(
  tx: Tx,
  options: {
    planId: string;
    decision: 'approve' | 'return';
    comment: string | null;
    version?: number;
    now: Date;
    actor: Actor;
  },
) {
  const { actor, decision } = options;
  // Readable by the branch too, so the branch learns it may not review (403) rather than "not found".
  const { plan, org } = await loadPlanInScope(tx, actor, 'read', options.planId);
  requireSuperior(actor, org);
  requireStatus(
    plan,
    ['submitted'],
    decision === 'approve' ? { zh: '批准', en: 'approved' } : { zh: '退回', en: 'returned' },
  );
  return setPlanStatus(tx, {
    plan,
    orgPath: org.path,
    action: decision,
    set: {
      status: decision === 'approve' ? 'approved' : 'returned',
      reviewedBy: actor.accountId,
      reviewedAt: options.now,
      reviewComment: options.comment,
    },
    expectedVersion: options.version,
    actor,
  });
}
