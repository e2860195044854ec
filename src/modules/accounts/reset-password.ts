import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { accounts, sessions } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import type { Actor } from '../../server/scope.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import { assertMayManage, commonPath, loadAccountInScope } from './account-scope.ts';

/** Replaces the password with a generated one (returned once) and signs the account out everywhere. */
export async function resetPassword(tx: Tx, options: { id: string; now: Date; actor: Actor }) {
  const target = await loadAccountInScope(tx, options.actor, options.id);
  assertMayManage(options.actor, target);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await tx
    .update(accounts)
    .set({ passwordHash, passwordChangedAt: options.now, version: sql`${accounts.version} + 1` })
    .where(eq(accounts.id, options.id));
  await tx.delete(sessions).where(eq(sessions.accountId, options.id));
  // The audit records that it happened, never the hash.
  await recordAudit(tx, options.actor, {
    action: 'resetPassword',
    entity: 'account',
    entityId: options.id,
    tenantId: target.account.tenantId,
    orgPath: commonPath(target.grants.map((g) => g.orgPath)),
  });
  return { password };
}
