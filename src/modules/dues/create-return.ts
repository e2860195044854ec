import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { duesReturns, orgs } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { notFound } from '../../server/errors.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import type { CreateReturnInput } from './schema.ts';

/** Records dues returned to a grassroots organization for a year (DUES-04). */
export async function createReturn(tx: Tx, options: { input: CreateReturnInput; actor: Actor }) {
  const { input, actor } = options;
  const [org] = await tx
    .select({ tenantId: orgs.tenantId, id: orgs.id, path: orgs.path })
    .from(orgs)
    .where(and(eq(orgs.id, input.orgId), orgInScope(actor, 'write', orgs.tenantId, orgs.path)));
  if (!org) throw notFound({ zh: '组织', en: 'organization' });
  const [row] = await tx
    .insert(duesReturns)
    .values({
      tenantId: org.tenantId,
      orgId: org.id,
      year: input.year,
      amount: input.amount,
      returnedOn: input.returnedOn,
      note: input.note ?? null,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'duesReturn',
    entityId: row.id,
    tenantId: row.tenantId,
    orgPath: org.path,
    after: row,
  });
  return row;
}
