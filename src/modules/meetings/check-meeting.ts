/** Checks a meeting's fields against the org, people and venues they name; the issues name the fields. */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { orgs, people, venues } from '../../db/schema.ts';
import type { FieldIssue } from '../../server/errors.ts';

type OrgFacts = { tenantId: string; path: string; kind: string; validFrom: string; validTo: string | null };
type Fields = {
  heldOn: string;
  startTime?: string | null;
  endTime?: string | null;
  audience?: string | null;
  lecturerId?: string | null;
  venueId?: string | null;
  status: string;
};

export async function checkMeeting(tx: Tx, org: OrgFacts, fields: Fields, today: string): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (fields.heldOn < org.validFrom || (org.validTo && fields.heldOn >= org.validTo))
    issues.push({
      field: 'body.heldOn',
      reason: `该日期党组织不存在（${org.validFrom} 至 ${org.validTo ?? '今'}）/ the organization did not exist on that day`,
    });
  if ((fields.status === 'held' || fields.status === 'recorded') && fields.heldOn > today)
    issues.push({
      field: 'body.heldOn',
      reason: `已召开的会议日期不能晚于今天（${today}）/ a meeting that was held cannot be dated after today`,
    });
  if (fields.startTime && fields.endTime && fields.endTime <= fields.startTime)
    issues.push({ field: 'body.endTime', reason: '结束时间应晚于开始时间 / must be after the start time' });
  if (fields.audience === 'group' && org.kind !== 'group')
    issues.push({ field: 'body.audience', reason: '党小组会议只能由党小组召开 / only a group holds a group audience' });
  if (fields.audience === 'leadership' && org.kind !== 'college' && org.kind !== 'university')
    issues.push({
      field: 'body.audience',
      reason: '领导班子范围仅适用于院级或校级党组织 / a leadership audience needs a college or university org',
    });
  if (fields.lecturerId) {
    const [person] = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.tenantId, org.tenantId), eq(people.id, fields.lecturerId)));
    if (!person) issues.push({ field: 'body.lecturerId', reason: '人员不存在 / no such person in this university' });
  }
  if (fields.venueId) {
    // A branch meets in its own room or one of its college's or the university's.
    const [venue] = await tx
      .select({ id: venues.id })
      .from(venues)
      .innerJoin(orgs, and(eq(orgs.tenantId, venues.tenantId), eq(orgs.id, venues.orgId)))
      .where(
        and(
          eq(venues.tenantId, org.tenantId),
          eq(venues.id, fields.venueId),
          sql`starts_with(${org.path}, ${orgs.path})`,
        ),
      );
    if (!venue)
      issues.push({
        field: 'body.venueId',
        reason: '场所不存在或不属于本组织及其上级 / no such venue of this organization or its superiors',
      });
  }
  return issues;
}
