/** The rules of seats, shared by a new term and a seat added to a term. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { people } from '../../db/schema.ts';
import type { FieldIssue } from '../../server/errors.ts';

type Seat = { role: string; personId: string; validFrom: string; validTo?: string | null };

/**
 * Each seat's person must be a person of the org's university; a group's term has group leaders
 * only, and group leaders sit on groups only; no seat starts before the election.
 */
export async function checkSeats(
  tx: Tx,
  options: { tenantId: string; orgKind: string; electedOn: string; seats: Seat[]; field: (i: number) => string },
): Promise<FieldIssue[]> {
  const { seats, field } = options;
  const issues: FieldIssue[] = [];
  const ids = [...new Set(seats.map((s) => s.personId))];
  const known = ids.length
    ? await tx
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.tenantId, options.tenantId), inArray(people.id, ids)))
    : [];
  const knownIds = new Set(known.map((p) => p.id));
  seats.forEach((seat, i) => {
    if (!knownIds.has(seat.personId))
      issues.push({ field: `${field(i)}.personId`, reason: '本校没有此人员 / no such person in this university' });
    if (options.orgKind === 'group' && seat.role !== 'groupLeader')
      issues.push({ field: `${field(i)}.role`, reason: '党小组只设党小组长 / a group has a group leader only' });
    if (options.orgKind !== 'group' && seat.role === 'groupLeader')
      issues.push({ field: `${field(i)}.role`, reason: '党小组长只设于党小组 / group leaders sit on groups' });
    if (seat.validFrom < options.electedOn)
      issues.push({
        field: `${field(i)}.validFrom`,
        reason: `不能早于选举日期 ${options.electedOn} / cannot precede the election, ${options.electedOn}`,
      });
  });
  return issues;
}

/** At most one secretary in office at a time: the open secretary seats of a term, counted. */
export function checkOneSecretary(seats: Seat[], field: string): FieldIssue[] {
  const open = seats.filter((s) => s.role === 'secretary' && (s.validTo ?? null) === null);
  if (open.length <= 1) return [];
  return [{ field, reason: '一届只能有一名在任书记 / a term has at most one secretary in office' }];
}

export const termDatesIssue = (electedOn: string, endsOn: string): FieldIssue[] =>
  endsOn > electedOn
    ? []
    : [{ field: 'body.endsOn', reason: '任期届满日期须晚于选举日期 / the term must end after the election' }];
