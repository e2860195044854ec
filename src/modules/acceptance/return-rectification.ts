/**
 * A returned acceptance is a problem to put right: the return opens a rectification item (整改事项,
 * source `acceptance`) of the branch with the reason as its problem, owned by the branch secretary
 * when one holds the seat, in the step's transaction and audited with it.
 */

import type { Tx } from '../../db/connect.ts';
import { rectifications } from '../../db/schema.ts';
import { addMonths } from '../../domain/periods.ts';
import { recordAudit } from '../../server/audit.ts';
import type { Actor } from '../../server/scope.ts';
import { currentSecretary } from '../ratings/current-secretary.ts';

/** Without a deadline given, the campaign's close (the new self-check is due by then), or a month when it is near. */
export function defaultReturnDeadline(today: string, closesOn: string): string {
  const inAMonth = addMonths(today, 1);
  return closesOn > inAMonth ? closesOn : inAMonth;
}

export async function openReturnRectification(
  tx: Tx,
  options: {
    actor: Actor;
    reviewId: string;
    org: { id: string; tenantId: string; name: string; path: string };
    campaign: { year: number; title: string; closesOn: string };
    reason: string;
    deadline: string | null | undefined;
    today: string;
  },
) {
  const { actor, org, campaign, today } = options;
  const owner = await currentSecretary(tx, org.tenantId, org.id, today);
  const [row] = await tx
    .insert(rectifications)
    .values({
      tenantId: org.tenantId,
      orgId: org.id,
      source: 'acceptance',
      sourceId: options.reviewId,
      year: campaign.year,
      problem: `${campaign.title}退回：${options.reason}`,
      ownerId: owner?.id ?? null,
      ownerName: owner?.name ?? `${org.name}书记`,
      measures: '按退回意见逐项整改，补充材料后重新自查',
      deadline: options.deadline ?? defaultReturnDeadline(today, campaign.closesOn),
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'rectification',
    entityId: row.id,
    tenantId: org.tenantId,
    orgPath: org.path,
    after: row,
  });
  return row;
}
