/**
 * Who reaches a round and a review. A round belongs to its organizer: readers of the organizer see
 * every review and, while it is open, manage it if they write the organizer. Others see a review
 * when its org is in their read scope or it is their own, and its result only once published.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { forbidden, notFound } from '../../server/errors.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';

export type RoundRow = {
  id: string;
  tenantId: string;
  orgId: string;
  orgName: string;
  orgPath: string;
  year: number;
  level: 'college' | 'branch';
  title: string;
  status: 'open' | 'published';
  publishedOn: string | null;
  version: number;
  organizerReads: boolean;
  canManage: boolean;
};

export const ownReview = (actor: Actor, alias = sql`v`): SQL =>
  actor.personId && actor.tenantId
    ? sql`(${alias}.tenant_id = ${actor.tenantId}::uuid and ${alias}.person_id = ${actor.personId}::uuid)`
    : sql`false`;

/** A review is visible: its organizer or its org is read by the actor, or it is the actor's own. */
export const reviewVisible = (actor: Actor): SQL =>
  sql`(${orgInScope(actor, 'read', sql`ro.tenant_id`, sql`ro.path`)} or ${orgInScope(actor, 'read', sql`vo.tenant_id`, sql`vo.path`)} or ${ownReview(actor)})`;

export const roundColumns = (actor: Actor) => sql`n.id, n.tenant_id as "tenantId", n.org_id as "orgId",
  ro.name as "orgName", ro.path as "orgPath", n.year, n.level, n.title, n.status,
  to_char(n.published_on, 'YYYY-MM-DD') as "publishedOn", n.version,
  ${orgInScope(actor, 'read', sql`ro.tenant_id`, sql`ro.path`)} as "organizerReads",
  ${orgInScope(actor, 'write', sql`ro.tenant_id`, sql`ro.path`)} as "canManage"`;

/** A round the actor sees (organizer read, or one of its reviews visible), else a 404; `manage` asks for the organizer's write. */
export async function loadRound(tx: Tx, actor: Actor, roundId: string, manage = false): Promise<RoundRow> {
  const [round] = await selectRows<RoundRow>(
    tx,
    sql`select ${roundColumns(actor)} from secretary_review_rounds n
      join orgs ro on ro.tenant_id = n.tenant_id and ro.id = n.org_id
      where n.id = ${roundId} and (${orgInScope(actor, 'read', sql`ro.tenant_id`, sql`ro.path`)} or exists (
        select 1 from secretary_reviews v join orgs vo on vo.tenant_id = v.tenant_id and vo.id = v.org_id
        where v.tenant_id = n.tenant_id and v.round_id = n.id and ${reviewVisible(actor)}))`,
  );
  if (!round) throw notFound({ zh: '述职评议', en: 'review round' });
  if (manage && !round.canManage) throw forbidden();
  return round;
}

export type ReviewRow = {
  id: string;
  tenantId: string;
  roundId: string;
  personId: string;
  orgId: string;
  orgPath: string;
  report: string | null;
  version: number;
};

/** A review the actor sees, with its round; else a 404. */
export async function loadReview(tx: Tx, actor: Actor, reviewId: string) {
  const [review] = await selectRows<ReviewRow>(
    tx,
    sql`select v.id, v.tenant_id as "tenantId", v.round_id as "roundId", v.person_id as "personId", v.org_id as "orgId",
        vo.path as "orgPath", v.report, v.version
      from secretary_reviews v
      join secretary_review_rounds n on n.tenant_id = v.tenant_id and n.id = v.round_id
      join orgs ro on ro.tenant_id = n.tenant_id and ro.id = n.org_id
      join orgs vo on vo.tenant_id = v.tenant_id and vo.id = v.org_id
      where v.id = ${reviewId} and ${reviewVisible(actor)}`,
  );
  if (!review) throw notFound({ zh: '述职评议', en: 'review' });
  const round = await loadRound(tx, actor, review.roundId);
  return { review, round };
}
