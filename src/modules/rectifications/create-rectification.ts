/**
 * Opens a rectification item: from a compliance finding (its org, problem and year pre-filled),
 * from a secretary's review (org, year and the secretary as owner pre-filled), from an
 * organizational-life meeting, or by hand. Write scope over the org is needed; the item
 * starts open and is audited with its creation.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { findings, meetings, rectifications } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict, notFound } from '../../server/errors.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { resolveOwner } from './resolve-owner.ts';
import { loadReviewSource } from './review-source.ts';
import type { CreateRectification, RectificationSource } from './schema.ts';
import { loadScopedOrg, type ScopedOrg } from './superior.ts';

export type NewRectification = {
  source: RectificationSource;
  sourceId: string | null;
  year: number;
  problem: string;
  ownerId: string | null;
  ownerName: string;
  measures: string;
  deadline: string;
};

/** Inserts an item of an org already checked for write scope, with its audit row. */
export async function insertRectification(tx: Tx, actor: Actor, org: ScopedOrg, values: NewRectification) {
  const [row] = await tx
    .insert(rectifications)
    .values({ tenantId: org.tenantId, orgId: org.id, ...values })
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

async function loadFinding(tx: Tx, actor: Actor, findingId: string) {
  const [finding] = await tx
    .select({ id: findings.id, orgId: findings.orgId, period: findings.period, messageZh: findings.messageZh })
    .from(findings)
    .where(and(eq(findings.id, findingId), orgInScope(actor, 'read', findings.tenantId, findings.orgPath)));
  if (!finding) throw notFound({ zh: '检查发现', en: 'finding' });
  return finding;
}

/** An item already made from this source and not yet verified: a second one would be a duplicate. */
async function openItemFrom(tx: Tx, tenantId: string, source: RectificationSource, sourceId: string) {
  const [row] = await tx
    .select({ id: rectifications.id })
    .from(rectifications)
    .where(
      and(
        eq(rectifications.tenantId, tenantId),
        eq(rectifications.source, source),
        eq(rectifications.sourceId, sourceId),
        sql`${rectifications.status} <> 'verified'`,
      ),
    );
  return row ?? null;
}

export async function createRectification(
  tx: Tx,
  options: { input: CreateRectification; actor: Actor; today: string },
) {
  const { input, actor, today } = options;
  if (input.findingId && input.reviewId)
    throw badInput([
      { field: 'body.reviewId', reason: '检查发现与述职评议只能选一个 / a finding or a review, not both' },
    ]);
  const finding = input.findingId ? await loadFinding(tx, actor, input.findingId) : null;
  const review = input.reviewId ? await loadReviewSource(tx, actor, input.reviewId) : null;
  const fromSource = finding ?? review;
  const orgId = fromSource?.orgId ?? input.orgId;
  const problem = input.problem ?? finding?.messageZh ?? review?.problem;
  const missing = [
    ...(orgId ? [] : [{ field: 'body.orgId', reason: '请选择组织或检查发现 / an org or a finding is required' }]),
    ...(problem ? [] : [{ field: 'body.problem', reason: '请填写存在的问题 / the problem is required' }]),
    ...(input.ownerId || input.ownerName || review
      ? []
      : [{ field: 'body.ownerName', reason: '请填写责任人 / the owner is required' }]),
    ...(input.source === 'lifeMeeting' && !input.sourceId
      ? [{ field: 'body.sourceId', reason: '请选择组织生活会 / the meeting is required' }]
      : []),
  ];
  if (missing.length || !orgId || !problem) throw badInput(missing);
  if (finding && input.orgId && input.orgId !== finding.orgId)
    throw badInput([{ field: 'body.orgId', reason: '与检查发现的组织不一致 / not the finding’s org' }]);
  if (review && input.orgId && input.orgId !== review.orgId)
    throw badInput([{ field: 'body.orgId', reason: '与述职评议的组织不一致 / not the review’s org' }]);
  const org = await loadScopedOrg(tx, actor, orgId, 'write');
  // The reviewed secretary answers for their own review's item unless someone else is named.
  const owner =
    review && !input.ownerId && !input.ownerName
      ? { ownerId: review.personId, ownerName: review.personName }
      : await resolveOwner(tx, actor, org.tenantId, input);
  if (!owner) throw badInput([{ field: 'body.ownerName', reason: '请填写责任人 / the owner is required' }]);

  let source: RectificationSource = 'manual';
  let sourceId: string | null = null;
  if (finding) {
    source = 'finding';
    sourceId = finding.id;
  } else if (review) {
    source = 'review';
    sourceId = review.id;
  } else if (input.source === 'lifeMeeting' && input.sourceId) {
    const [meeting] = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.tenantId, org.tenantId), eq(meetings.id, input.sourceId), eq(meetings.orgId, org.id)));
    if (!meeting) throw badInput([{ field: 'body.sourceId', reason: '不是该组织的会议 / not a meeting of this org' }]);
    source = 'lifeMeeting';
    sourceId = meeting.id;
  }
  if (sourceId) {
    const existing = await openItemFrom(tx, org.tenantId, source, sourceId);
    if (existing)
      throw conflict(
        { zh: '该问题已有未验收的整改事项', en: 'There is already an unverified rectification item for this' },
        { id: existing.id },
      );
  }
  const periodYear = finding?.period ? Number(finding.period.slice(0, 4)) : Number.NaN;
  const year = input.year ?? review?.year ?? (Number.isFinite(periodYear) ? periodYear : Number(today.slice(0, 4)));
  return insertRectification(tx, actor, org, {
    source,
    sourceId,
    year,
    problem,
    ownerId: owner.ownerId,
    ownerName: owner.ownerName,
    measures: input.measures,
    deadline: input.deadline,
  });
}
