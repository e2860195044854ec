/** Adds a secretary to an open round by hand (a secretary the seat records miss): the org must be of the round's level in its subtree. */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { secretaryReviews } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict } from '../../server/errors.ts';
import { type Actor, personInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { levelSql } from './create-round.ts';
import { loadRound } from './review-access.ts';
import type { AddReviewInput } from './schema.ts';

export const roundPublished = () =>
  conflict({ zh: '述职评议结果已公布，不能再修改', en: 'The round is published and cannot be changed' });

export async function addReview(tx: Tx, options: { roundId: string; input: AddReviewInput; actor: Actor }) {
  const { input, actor } = options;
  const round = await loadRound(tx, actor, options.roundId, true);
  if (round.status !== 'open') throw roundPublished();
  const [org] = await selectRows<{ id: string; path: string }>(
    tx,
    sql`select o.id, o.path from orgs o where o.tenant_id = ${round.tenantId} and o.id = ${input.orgId}
      and o.path like ${`${round.orgPath}%`} and o.id <> ${round.orgId} and ${levelSql(round.level)}`,
  );
  if (!org) throw badInput([{ field: 'orgId', reason: '不属于本轮评议范围 / not an org of this round' }]);
  const [person] = await selectRows<{ id: string }>(
    tx,
    sql`select p.id from people p where p.tenant_id = ${round.tenantId} and p.id = ${input.personId}
      and ${personInScope(actor, 'read', sql`p.tenant_id`, sql`p.id`)}`,
  );
  if (!person) throw badInput([{ field: 'personId', reason: '人员不存在 / no such person' }]);
  const taken = await selectRows<{ id: string }>(
    tx,
    sql`select id from secretary_reviews where tenant_id = ${round.tenantId} and round_id = ${round.id} and org_id = ${org.id}`,
  );
  if (taken.length) throw conflict({ zh: '该组织已在本轮评议中', en: 'The org is already in this round' });
  const [review] = await tx
    .insert(secretaryReviews)
    .values({ tenantId: round.tenantId, roundId: round.id, personId: person.id, orgId: org.id })
    .returning();
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'secretaryReview',
    entityId: review.id,
    tenantId: round.tenantId,
    orgPath: org.path,
    after: review,
  });
  return review;
}
