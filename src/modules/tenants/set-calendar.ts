import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { semesters } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, type FieldIssue } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { rootPathOf } from './create-university.ts';
import type { Semester } from './schema.ts';

export async function readCalendar(tx: Tx, tenantId: string): Promise<Semester[]> {
  const rows = await tx
    .select()
    .from(semesters)
    .where(eq(semesters.tenantId, tenantId))
    .orderBy(asc(semesters.startsOn));
  return rows.map((r) => ({ code: r.code, start: r.startsOn, end: r.endsOn }));
}

/** Each semester ends after it starts, codes are unique, and no two share a day (dates inclusive). */
export function calendarIssues(list: Semester[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  list.forEach((s, i) => {
    if (s.end <= s.start)
      issues.push({ field: `body.semesters.${i}.end`, reason: '结束日期须晚于开始日期 / must be after start' });
    const twin = list.findIndex((o) => o.code === s.code);
    if (twin < i)
      issues.push({ field: `body.semesters.${i}.code`, reason: `与第${twin}项重复 / duplicates semester ${twin}` });
    const overlapped = list.findIndex((o, j) => j < i && o.start <= s.end && s.start <= o.end);
    if (overlapped >= 0)
      issues.push({
        field: `body.semesters.${i}`,
        reason: `与第${overlapped}项学期重叠 / overlaps semester ${overlapped}`,
      });
  });
  return issues;
}

/** Replaces the university's calendar as a whole. */
export async function setCalendar(
  tx: Tx,
  options: { tenantId: string; semesters: Semester[]; actor: Pick<Actor, 'accountId' | 'displayName'> },
) {
  const issues = calendarIssues(options.semesters);
  if (issues.length) throw badInput(issues);
  const before = await readCalendar(tx, options.tenantId);
  await tx.delete(semesters).where(eq(semesters.tenantId, options.tenantId));
  if (options.semesters.length)
    await tx
      .insert(semesters)
      .values(
        options.semesters.map((s) => ({ tenantId: options.tenantId, code: s.code, startsOn: s.start, endsOn: s.end })),
      );
  const after = await readCalendar(tx, options.tenantId);
  await recordAudit(tx, options.actor, {
    action: 'update',
    entity: 'calendar',
    entityId: options.tenantId,
    tenantId: options.tenantId,
    orgPath: rootPathOf(options.tenantId),
    before,
    after,
  });
  return after;
}
