import type { Tx } from '../../db/connect.ts';
import { practiceCarriers } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import type { Actor } from '../../server/scope.ts';
import { checkDates, loadCarrierOrg } from './load-carrier.ts';
import type { CreateInput } from './schema.ts';

/** Records a practical rule or service carrier an org set up in a year. */
export async function createCarrier(tx: Tx, options: { input: CreateInput; actor: Actor; today: string }) {
  const { input, actor, today } = options;
  const org = await loadCarrierOrg(tx, actor, input.orgId);
  checkDates(input.year, input.establishedOn, today);
  const [carrier] = await tx
    .insert(practiceCarriers)
    .values({
      tenantId: org.tenantId,
      orgId: org.id,
      year: input.year,
      kind: input.kind,
      title: input.title,
      description: input.description,
      establishedOn: input.establishedOn,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'practiceCarrier',
    entityId: carrier.id,
    tenantId: org.tenantId,
    orgPath: org.path,
    after: carrier,
  });
  return carrier;
}
