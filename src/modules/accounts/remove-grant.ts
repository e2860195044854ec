import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { grants } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { notFound } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { assertMayManage, loadAccountInScope } from './account-scope.ts';

/** Revokes one grant; it takes effect on the account's next request (sessions load grants afresh). */
export async function removeGrant(tx: Tx, options: { id: string; grantId: string; actor: Actor }) {
  const target = await loadAccountInScope(tx, options.actor, options.id);
  assertMayManage(options.actor, target);
  const grant = target.grants.find((g) => g.id === options.grantId);
  if (!grant) throw notFound({ zh: '授权', en: 'grant' });
  await tx.delete(grants).where(eq(grants.id, grant.id));
  await recordAudit(tx, options.actor, {
    action: 'revoke',
    entity: 'account',
    entityId: options.id,
    tenantId: grant.tenantId ?? target.account.tenantId,
    orgPath: grant.orgPath,
    before: { grantId: grant.id, role: grant.role, orgId: grant.orgId, oversightBodyId: grant.oversightBodyId },
  });
}
