/**
 * What an approval step does to the person's membership, in the transaction that records it:
 * `approval` makes them a probationary member of the branch from the admission vote (预备期自支部
 * 大会通过之日起计算); `confirmationApproval` makes them a full member when probation ends
 * (转正之日为预备期满之日); `probationCancelled` ends the membership on its date.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { memberships } from '../../db/schema.ts';
import { probationEndOn } from '../../domain/development/case-events.ts';
import { extensionMonths } from '../../domain/development/next-due.ts';
import type { DevEvent, DevStep } from '../../domain/development/steps.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { checkMembershipFacts } from '../members/check-membership.ts';
import type { Branch } from './load-case.ts';

export const membershipSteps: ReadonlySet<DevStep> = new Set<DevStep>([
  'approval',
  'confirmationApproval',
  'probationCancelled',
]);

const stepField = 'body.step';

/** The admission vote that an approval approves: the last one on or before it. */
export const admissionVoteOf = (ordered: DevEvent[], approvalOn: string) =>
  ordered.findLast((e) => e.step === 'admissionVote' && e.on <= approvalOn);

export async function applyMembershipEffect(
  tx: Tx,
  options: { actor: Actor; branch: Branch; personId: string; event: DevEvent; ordered: DevEvent[] },
) {
  const { actor, branch, personId, event, ordered } = options;
  if (!membershipSteps.has(event.step)) return;
  const [current] = await tx
    .select()
    .from(memberships)
    .where(
      and(eq(memberships.tenantId, branch.tenantId), eq(memberships.personId, personId), isNull(memberships.validTo)),
    );
  const audit = (before: unknown, after: unknown) =>
    recordAudit(tx, actor, {
      action: 'changeMembership',
      entity: 'person',
      entityId: personId,
      tenantId: branch.tenantId,
      orgPath: branch.path,
      before,
      after,
    });

  if (event.step === 'approval') {
    if (current)
      throw badInput([
        { field: stepField, reason: '此人已有组织关系，不能再接收为预备党员 / the person is already a member' },
      ]);
    const vote = admissionVoteOf(ordered, event.on);
    if (!vote)
      throw badInput([{ field: stepField, reason: '尚无支部大会接收决议 / there is no admission vote to approve' }]);
    const [opened] = await tx
      .insert(memberships)
      .values({
        tenantId: branch.tenantId,
        personId,
        orgId: branch.id,
        status: 'probationary',
        standing: 'normal',
        joinedOn: vote.on,
        confirmedOn: null,
        validFrom: vote.on,
      })
      .returning();
    await audit(null, opened);
    return;
  }

  if (current?.status !== 'probationary')
    throw badInput([{ field: stepField, reason: '此人当前不是预备党员 / the person is not a probationary member' }]);

  if (event.step === 'confirmationApproval') {
    const joinedOn = current.joinedOn ?? current.validFrom;
    // Never in the future (an early approval is the gate's to refuse, not a row that starts later).
    const ended = probationEndOn(joinedOn, extensionMonths(ordered, joinedOn));
    const [confirmedOn] = [ended, event.on].sort();
    // A move in the tree after probation ended leaves the open row starting later: never reopen before it.
    const from = confirmedOn > current.validFrom ? confirmedOn : event.on;
    if (from <= current.validFrom)
      throw badInput([
        { field: 'body.on', reason: `须晚于 ${current.validFrom} / must be after ${current.validFrom}` },
      ]);
    const issues = checkMembershipFacts({ status: 'full', joinedOn, confirmedOn });
    if (issues.length) throw badInput(issues.map((i) => ({ field: stepField, reason: i.reason })));
    await closeRow(tx, current, from);
    const [opened] = await tx
      .insert(memberships)
      .values({
        tenantId: current.tenantId,
        personId,
        orgId: current.orgId,
        groupId: current.groupId,
        status: 'full',
        standing: current.standing,
        joinedOn,
        confirmedOn,
        validFrom: from,
      })
      .returning();
    await audit(current, opened);
    return;
  }

  // probationCancelled: the membership ends that day.
  if (event.on <= current.validFrom)
    throw badInput([{ field: 'body.on', reason: `须晚于 ${current.validFrom} / must be after ${current.validFrom}` }]);
  const closed = await closeRow(tx, current, event.on);
  await audit(current, closed);
}

async function closeRow(tx: Tx, row: typeof memberships.$inferSelect, on: string) {
  const [closed] = await tx
    .update(memberships)
    .set({ validTo: on, version: sql`${memberships.version} + 1` })
    .where(
      and(eq(memberships.tenantId, row.tenantId), eq(memberships.id, row.id), eq(memberships.version, row.version)),
    )
    .returning();
  if (!closed) throw new Error(`membership ${row.id} changed during the transaction`);
  return closed;
}
