import type { Tx } from '../../db/connect.ts';
import type { Actor } from '../../server/scope.ts';
import { loadPlanInScope, requireStatus } from './load-plan.ts';
import { setPlanStatus } from './set-plan-status.ts';

/** The branch files its plan with the superior (again, after a return). A late filing is accepted. */
export async function submitPlan(tx: Tx, options: { planId: string; version?: number; today: string; actor: Actor }) {
  const { plan, org } = await loadPlanInScope(tx, options.actor, 'write', options.planId);
  requireStatus(plan, ['draft', 'returned'], { zh: '报送', en: 'submitted' });
  return setPlanStatus(tx, {
    plan,
    orgPath: org.path,
    action: 'submit',
    set: { status: 'submitted', submittedOn: options.today },
    expectedVersion: options.version,
    actor: options.actor,
  });
}
