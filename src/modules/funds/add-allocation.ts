import type { Tx } from '../../db/connect.ts';
import { fundAllocations } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import type { Actor } from '../../server/scope.ts';
import { loadCollegeForFunding } from './load-org.ts';
import type { AddAllocationInput } from './schema.ts';

/** Records money handed to a college-level organization against its budget of a year. */
export async function addAllocation(tx: Tx, options: { input: AddAllocationInput; actor: Actor }) {
  const { input, actor } = options;
  const org = await loadCollegeForFunding(tx, actor, input.orgId);
  const [allocation] = await tx
    .insert(fundAllocations)
    .values({
      tenantId: org.tenantId,
      orgId: org.id,
      year: input.year,
      allocatedOn: input.allocatedOn,
      amount: input.amount,
      note: input.note ?? null,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'fundAllocation',
    entityId: allocation.id,
    tenantId: org.tenantId,
    orgPath: org.path,
    after: allocation,
  });
  return allocation;
}
