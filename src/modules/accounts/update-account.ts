import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { accounts, sessions } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { assertMayManage, commonPath, loadAccountInScope } from './account-scope.ts';

/** Renames or disables/enables an account; disabling ends its sessions at once. */
export async function updateAccount(
  tx: Tx,
  options: { id: string; version: number; displayName?: string; disabled?: boolean; actor: Actor },
) {
  const target = await loadAccountInScope(tx, options.actor, options.id);
  assertMayManage(options.actor, target);
  const before = { displayName: target.account.displayName, disabled: target.account.disabled };
  const after = {
    displayName: options.displayName ?? before.displayName,
    disabled: options.disabled ?? before.disabled,
  };
  const updated = await tx
    .update(accounts)
    .set({ ...after, version: sql`${accounts.version} + 1` })
    .where(and(eq(accounts.id, options.id), eq(accounts.version, options.version)))
    .returning({ id: accounts.id });
  if (updated.length === 0) throw stale();
  if (after.disabled) await tx.delete(sessions).where(eq(sessions.accountId, options.id));
  await recordAudit(tx, options.actor, {
    action: after.disabled && !before.disabled ? 'disable' : !after.disabled && before.disabled ? 'enable' : 'update',
    entity: 'account',
    entityId: options.id,
    tenantId: target.account.tenantId,
    orgPath: commonPath(target.grants.map((g) => g.orgPath)),
    before,
    after,
  });
}
