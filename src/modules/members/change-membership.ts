import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { memberships } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, type FieldIssue, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { checkMembershipFacts, membershipReasons, resolvePlacement } from './check-membership.ts';
import { loadCurrentMembership, loadPersonInScope } from './load-person.ts';
import type { MembershipChange } from './schema.ts';

type MembershipRow = typeof memberships.$inferSelect;

/**
 * The next membership interval from the current one and a change, or the issues that forbid it.
 * Moving to another branch drops the group unless a new one is named.
 */
export function nextMembership(
  current: Pick<MembershipRow, 'status' | 'standing' | 'orgId' | 'groupId' | 'joinedOn' | 'confirmedOn' | 'validFrom'>,
  change: Omit<MembershipChange, 'membershipVersion'>,
): {
  next: Omit<MembershipRow, 'id' | 'tenantId' | 'personId' | 'version' | 'createdAt' | 'validTo'>;
  issues: FieldIssue[];
} {
  const orgId = change.orgId ?? current.orgId;
  const next = {
    status: change.status ?? current.status,
    standing: change.standing ?? current.standing,
    orgId,
    groupId: change.groupId !== undefined ? change.groupId : orgId === current.orgId ? current.groupId : null,
    joinedOn: current.joinedOn,
    confirmedOn: change.confirmedOn !== undefined ? change.confirmedOn : current.confirmedOn,
    validFrom: change.effectiveOn,
  };
  const issues: FieldIssue[] = [];
  if (change.effectiveOn <= current.validFrom)
    issues.push({
      field: 'effectiveOn',
      reason: `须晚于当前记录的起始日期 ${current.validFrom} / must be after ${current.validFrom}, when the current membership began`,
    });
  if (current.status === 'full' && next.status === 'probationary')
    issues.push({ field: 'status', reason: membershipReasons.demotion });
  if (current.status === 'probationary' && next.status === 'full' && !next.confirmedOn)
    issues.push({ field: 'confirmedOn', reason: membershipReasons.confirmationDate });
  issues.push(...checkMembershipFacts(next));
  const changed = (['status', 'standing', 'orgId', 'groupId', 'confirmedOn'] as const).some(
    (k) => next[k] !== current[k],
  );
  if (!changed && issues.length === 0) issues.push({ field: 'effectiveOn', reason: '没有任何变化 / nothing changes' });
  return { next, issues };
}

/**
 * Closes the current membership interval on `effectiveOn` and opens the next one: a move
 * between branches, a confirmation, a change of standing. Both the person and the destination
 * branch must be in the actor's write scope.
 */
export async function changeMembership(tx: Tx, options: { personId: string; change: MembershipChange; actor: Actor }) {
  const { actor, change } = options;
  const person = await loadPersonInScope(tx, actor, 'write', options.personId);
  const current = await loadCurrentMembership(tx, person.tenantId, person.id);
  if (!current) return openFirstMembership(tx, { person, change, actor });
  if (change.membershipVersion === undefined)
    throw badInput([{ field: 'body.membershipVersion', reason: '必填 / required' }]);
  if (change.membershipVersion !== current.version) throw stale();
  const { next, issues } = nextMembership(current, change);
  if (issues.length) throw badInput(issues.map((i) => ({ field: `body.${i.field}`, reason: i.reason })));
  const placement = await resolvePlacement(tx, {
    actor,
    orgId: next.orgId,
    groupId: next.groupId,
    on: next.validFrom,
    tenantId: person.tenantId,
    fields: { org: 'body.orgId', group: 'body.groupId' },
  });
  const [closed] = await tx
    .update(memberships)
    .set({ validTo: change.effectiveOn, version: sql`${memberships.version} + 1` })
    .where(
      and(
        eq(memberships.tenantId, current.tenantId),
        eq(memberships.id, current.id),
        eq(memberships.version, change.membershipVersion),
      ),
    )
    .returning();
  if (!closed) throw stale();
  const [opened] = await tx
    .insert(memberships)
    .values({ tenantId: person.tenantId, personId: person.id, ...next })
    .returning();
  await recordAudit(tx, actor, {
    action: 'changeMembership',
    entity: 'person',
    entityId: person.id,
    tenantId: person.tenantId,
    orgPath: placement.org.path,
    before: current,
    after: opened,
  });
  return opened;
}

/** A person without a current membership (staff, or someone who left) joins a branch. */
async function openFirstMembership(
  tx: Tx,
  options: { person: { id: string; tenantId: string }; change: MembershipChange; actor: Actor },
) {
  const { person, change, actor } = options;
  const issues: FieldIssue[] = [];
  if (!change.orgId) issues.push({ field: 'body.orgId', reason: '必填（该人员当前没有组织关系） / required' });
  if (!change.status) issues.push({ field: 'body.status', reason: '必填（该人员当前没有组织关系） / required' });
  if (issues.length) throw badInput(issues);
  const facts = { status: change.status as string, joinedOn: null, confirmedOn: change.confirmedOn ?? null };
  const factIssues = checkMembershipFacts(facts);
  if (factIssues.length) throw badInput(factIssues.map((i) => ({ field: `body.${i.field}`, reason: i.reason })));
  const placement = await resolvePlacement(tx, {
    actor,
    orgId: change.orgId as string,
    groupId: change.groupId ?? null,
    on: change.effectiveOn,
    tenantId: person.tenantId,
    fields: { org: 'body.orgId', group: 'body.groupId' },
  });
  const [opened] = await tx
    .insert(memberships)
    .values({
      tenantId: person.tenantId,
      personId: person.id,
      orgId: placement.org.id,
      groupId: placement.group?.id ?? null,
      status: facts.status,
      standing: change.standing ?? 'normal',
      confirmedOn: facts.confirmedOn,
      validFrom: change.effectiveOn,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'changeMembership',
    entity: 'person',
    entityId: person.id,
    tenantId: person.tenantId,
    orgPath: placement.org.path,
    before: null,
    after: opened,
  });
  return opened;
}
