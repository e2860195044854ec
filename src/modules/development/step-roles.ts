/**
 * Who records which step. The branch records its own work (applications, talks, votes, reports);
 * the superior committee (上级党委) records what only it may decide: the preliminary review, its
 * talk, the approvals, an extension of probation and a cancellation. A branch secretary therefore
 * cannot approve their own branch's candidates.
 */
import type { DevStep } from '../../domain/development/steps.ts';
import { forbidden } from '../../server/errors.ts';
import { type Actor, holdsTenantRoot, pathInScope } from '../../server/scope.ts';

export const approvalSteps: ReadonlySet<DevStep> = new Set<DevStep>([
  'preReview',
  'superiorTalk',
  'approval',
  'confirmationApproval',
  'probationExtension',
  'probationCancelled',
]);

/** The branch of a case as the permission checks need it. */
export type CaseBranch = { tenantId: string; path: string; parentPath: string | null };

/** What the actor may record on a case of this branch. */
export function mayOnBranch(actor: Actor, branch: CaseBranch) {
  return {
    record: pathInScope(actor, 'write', branch.tenantId, branch.path),
    approve: branch.parentPath
      ? pathInScope(actor, 'write', branch.tenantId, branch.parentPath)
      : holdsTenantRoot(actor, 'write', branch.tenantId),
  };
}

/** A 403 unless the actor may record (or correct) this step on a case of the branch. */
export function assertMayRecord(actor: Actor, branch: CaseBranch, step: DevStep) {
  const may = mayOnBranch(actor, branch);
  if (!(approvalSteps.has(step) ? may.approve : may.record)) throw forbidden();
}
