/**
 * Who may grant which role, in one place. A granter's own grant decides both the roles it may
 * hand out and where: only on orgs inside the subtree of that grant. Roles that are not tied to
 * an org (platform admin, oversight viewer) are handed out by platform admins alone.
 */
import type { Actor, Grant, Role } from '../../server/scope.ts';

export const grantableBy: Record<Role, readonly Role[]> = {
  platformAdmin: [
    'platformAdmin',
    'oversightViewer',
    'orgDepartmentAdmin',
    'collegeAdmin',
    'branchSecretary',
    'member',
  ],
  orgDepartmentAdmin: ['orgDepartmentAdmin', 'collegeAdmin', 'branchSecretary', 'member'],
  collegeAdmin: ['branchSecretary', 'member'],
  branchSecretary: ['member'],
  oversightViewer: [],
  member: [],
};

/** The kind of org each org-bound role is granted on: the subtree it opens. */
export const orgKindOfRole: Partial<Record<Role, string>> = {
  orgDepartmentAdmin: 'university',
  collegeAdmin: 'college',
  branchSecretary: 'branch',
  member: 'branch',
};

export const isOrgBound = (role: Role) => role in orgKindOfRole;

/** Whether the actor may grant anything at all (else writes on accounts are a 403). */
export function grantsAnything(actor: Actor): boolean {
  return actor.all || actor.grants.some((g) => grantableBy[g.role].length > 0);
}

/** Whether the actor may grant `role`, on the org at `target` when the role is org-bound. */
export function mayGrant(actor: Actor, role: Role, target: { tenantId: string; path: string } | null): boolean {
  if (actor.all) return true;
  if (!isOrgBound(role) || !target) return false;
  return actor.grants.some((g: Grant) => covers(g, role, target));
}

function covers(g: Grant, role: Role, target: { tenantId: string; path: string }) {
  return (
    grantableBy[g.role].includes(role) &&
    g.tenantId === target.tenantId &&
    g.orgPath !== null &&
    target.path.startsWith(g.orgPath)
  );
}
