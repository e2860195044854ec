import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { accounts, lifePlanItems, people } from '../../db/schema.ts';
import type { Actor } from '../../server/scope.ts';
import { isLate, planDueDate } from './due-date.ts';
import { loadPlanInScope, type PlanRow } from './load-plan.ts';
import { loadPlanMeetings, planProgress } from './plan-progress.ts';
import type { PlanStatus, PlanView } from './schema.ts';

type OrgRef = { tenantId: string; id: string; name: string; code: string; path: string };

/** The fields a plan shows in lists and in its own view. */
export function planSummary(
  plan: PlanRow,
  org: OrgRef,
  extra: { dueDate: string; today: string; reviewedByName: string | null },
) {
  return {
    id: plan.id,
    tenantId: plan.tenantId,
    orgId: plan.orgId,
    orgName: org.name,
    orgCode: org.code,
    year: plan.year,
    status: plan.status as PlanStatus,
    submittedOn: plan.submittedOn,
    reviewedBy: plan.reviewedBy,
    reviewedByName: extra.reviewedByName,
    reviewedAt: plan.reviewedAt ? plan.reviewedAt.toISOString() : null,
    reviewComment: plan.reviewComment,
    dueDate: extra.dueDate,
    late: isLate(extra.dueDate, plan.submittedOn, extra.today),
    version: plan.version,
  };
}

/** A plan in the actor's read scope with its items, each marked done or overdue as of `today`. */
export async function loadPlanView(
  tx: Tx,
  options: { actor: Actor; planId: string; today: string },
): Promise<PlanView> {
  const { plan, org } = await loadPlanInScope(tx, options.actor, 'read', options.planId);
  const items = await tx
    .select({ item: lifePlanItems, lecturerName: people.name })
    .from(lifePlanItems)
    .leftJoin(people, and(eq(people.tenantId, lifePlanItems.tenantId), eq(people.id, lifePlanItems.lecturerId)))
    .where(and(eq(lifePlanItems.tenantId, plan.tenantId), eq(lifePlanItems.planId, plan.id)))
    .orderBy(asc(lifePlanItems.month), asc(lifePlanItems.position));
  const linkedIds = items.map((r) => r.item.meetingId).filter((x): x is string => !!x);
  const branchMeetings = await loadPlanMeetings(tx, {
    tenantId: plan.tenantId,
    orgPath: org.path,
    year: plan.year,
    linkedIds,
  });
  const progress = planProgress(
    items.map((r) => r.item),
    branchMeetings,
    { year: plan.year, today: options.today },
  );
  const meetingById = new Map(branchMeetings.map((m) => [m.id, m]));
  const reviewer = plan.reviewedBy
    ? (await tx.select({ name: accounts.displayName }).from(accounts).where(eq(accounts.id, plan.reviewedBy)))[0]
    : undefined;
  const dueDate = await planDueDate(tx, plan, org.path);
  const views = items.map(({ item, lecturerName }) => {
    const meeting = item.meetingId ? meetingById.get(item.meetingId) : undefined;
    const state = progress.get(item.id) ?? { done: false, overdue: false };
    return {
      id: item.id,
      type: item.type,
      month: item.month,
      plannedOn: item.plannedOn,
      topic: item.topic,
      lecturerId: item.lecturerId,
      lecturerName: lecturerName ?? null,
      meetingId: item.meetingId,
      meeting: meeting
        ? { id: meeting.id, code: meeting.code, heldOn: meeting.heldOn, status: meeting.status, title: meeting.title }
        : null,
      ...state,
    };
  });
  return {
    ...planSummary(plan, org, { dueDate, today: options.today, reviewedByName: reviewer?.name ?? null }),
    items: views,
    counts: {
      total: views.length,
      done: views.filter((v) => v.done).length,
      overdue: views.filter((v) => v.overdue).length,
    },
  };
}
