import { and, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { meetings, orgs } from '../../db/schema.ts';

export type ProgressItem = { id: string; type: string; month: number; meetingId: string | null };
export type ProgressMeeting = { id: string; type: string; heldOn: string; status: string };
export type Progress = { done: boolean; overdue: boolean };

const happened = (m: ProgressMeeting) => m.status === 'held' || m.status === 'recorded';
const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/**
 * Which items a meeting answers. An item's own meeting counts first; then each remaining item
 * takes one unused held meeting of its type in its month, so two planned lectures in March need
 * two lectures held in March. An item not done is overdue once its month is over (`today` in Shanghai).
 */
export function planProgress(
  items: ProgressItem[],
  branchMeetings: ProgressMeeting[],
  options: { year: number; today: string },
): Map<string, Progress> {
  const byId = new Map(branchMeetings.map((m) => [m.id, m]));
  const used = new Set<string>();
  const done = new Set<string>();
  for (const item of items) {
    const own = item.meetingId ? byId.get(item.meetingId) : undefined;
    if (own && happened(own)) {
      used.add(own.id);
      done.add(item.id);
    }
  }
  const pool = branchMeetings.filter(happened).sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  for (const item of [...items].sort((a, b) => a.month - b.month)) {
    if (done.has(item.id)) continue;
    const key = monthKey(options.year, item.month);
    const match = pool.find((m) => !used.has(m.id) && m.type === item.type && m.heldOn.startsWith(key));
    if (match) {
      used.add(match.id);
      done.add(item.id);
    }
  }
  const thisMonth = options.today.slice(0, 7);
  return new Map(
    items.map((item) => {
      const isDone = done.has(item.id);
      return [item.id, { done: isDone, overdue: !isDone && thisMonth > monthKey(options.year, item.month) }];
    }),
  );
}

/** The meetings that may answer a plan: the branch's and its groups' in the plan's year, and the items' own. */
export function loadPlanMeetings(
  tx: Tx,
  options: { tenantId: string; orgPath: string; year: number; linkedIds: string[] },
): Promise<(ProgressMeeting & { code: string; title: string })[]> {
  const { tenantId, orgPath, year, linkedIds } = options;
  const inBranch = and(
    like(orgs.path, `${orgPath}%`),
    sql`${meetings.heldOn} between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date`,
  );
  return tx
    .select({
      id: meetings.id,
      code: meetings.code,
      type: meetings.type,
      heldOn: meetings.heldOn,
      status: meetings.status,
      title: meetings.title,
    })
    .from(meetings)
    .innerJoin(orgs, and(eq(orgs.tenantId, meetings.tenantId), eq(orgs.id, meetings.orgId)))
    .where(
      and(eq(meetings.tenantId, tenantId), linkedIds.length ? or(inBranch, inArray(meetings.id, linkedIds)) : inBranch),
    );
}
