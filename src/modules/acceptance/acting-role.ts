/**
 * Whether an actor may take an acceptance step over a branch: ASSESS-06 gives each step to one
 * role — the branch's own secretary, the admin of the college above it, the university's
 * organization department — so a grant of that role whose area holds the branch is required.
 */
import type { AcceptanceRole } from '../../domain/rules/acceptance-facts.ts';
import type { Actor } from '../../server/scope.ts';

export const holdsRoleOver = (actor: Actor, role: AcceptanceRole, branch: { tenantId: string; path: string }) =>
  actor.grants.some(
    (g) =>
      g.role === role &&
      g.tenantId === branch.tenantId &&
      g.orgPath !== null &&
      branch.path.startsWith(g.orgPath) &&
      // The organization department acts university-wide, from the root.
      (role !== 'orgDepartmentAdmin' || g.orgPath === `/${branch.tenantId}/`),
  );
