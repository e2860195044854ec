import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { accounts, grants } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { assertMayManage, loadAccountInScope } from './account-scope.ts';
import { resolveGrant, sameGrant } from './resolve-grant.ts';
import type { GrantInput } from './schema.ts';

export async function addGrant(tx: Tx, options: { id: string; input: GrantInput; today: string; actor: Actor }) {
  const { actor } = options;
  const target = await loadAccountInScope(tx, actor, options.id);
  assertMayManage(actor, target);
  const grant = await resolveGrant(tx, { input: options.input, field: 'body', today: options.today, actor });
  if (grant.tenantId && target.account.tenantId && grant.tenantId !== target.account.tenantId)
    throw badInput([{ field: 'body.orgId', reason: '账号属于另一所学校 / the account belongs to another university' }]);
  if (grant.role === 'member' && !target.account.personId)
    throw badInput([{ field: 'body.role', reason: '党员角色须账号关联人员 / a member grant needs a linked person' }]);
  if (target.grants.some((g) => sameGrant(g, grant)))
    throw conflict({ zh: '该账号已有此授权', en: 'The account already holds this grant' });
  const [row] = await tx
    .insert(grants)
    .values({
      accountId: options.id,
      role: grant.role,
      tenantId: grant.tenantId,
      orgId: grant.orgId,
      oversightBodyId: grant.oversightBodyId,
    })
    .returning();
  if (grant.tenantId && !target.account.tenantId)
    await tx.update(accounts).set({ tenantId: grant.tenantId }).where(eq(accounts.id, options.id));
  await recordAudit(tx, actor, {
    action: 'grant',
    entity: 'account',
    entityId: options.id,
    tenantId: grant.tenantId ?? target.account.tenantId,
    orgPath: grant.orgPath,
    after: { grantId: row.id, role: row.role, orgId: row.orgId, oversightBodyId: row.oversightBodyId },
  });
  return row;
}
