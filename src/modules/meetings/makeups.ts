/** 补课: an absentee (or a member on leave) makes up the meeting's content later. */
import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { attendance, meetings, orgs, people } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, notFound, stale } from '../../server/errors.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { loadMeetingInScope } from './load-meeting.ts';

export async function recordMakeup(
  tx: Tx,
  options: {
    meetingId: string;
    personId: string;
    input: { makeupOn: string; makeupContent: string; version?: number };
    actor: Actor;
    today: string;
  },
) {
  const { input, actor } = options;
  const row = await loadMeetingInScope(tx, actor, 'write', options.meetingId);
  const m = row.meeting;
  const [before] = await tx
    .select()
    .from(attendance)
    .where(
      and(
        eq(attendance.tenantId, m.tenantId),
        eq(attendance.meetingId, m.id),
        eq(attendance.personId, options.personId),
      ),
    );
  if (!before) throw notFound({ zh: '出勤记录', en: 'attendance record' });
  if (input.version !== undefined && input.version !== before.version) throw stale();
  const issues = [];
  if (before.status !== 'absent' && before.status !== 'leave')
    issues.push({
      field: 'params.personId',
      reason: '只有缺席或请假的人员需要补课 / only absentees make up a meeting',
    });
  if (input.makeupOn < m.heldOn)
    issues.push({
      field: 'body.makeupOn',
      reason: `补课日期不能早于会议日期 ${m.heldOn} / a make-up cannot precede the meeting`,
    });
  if (input.makeupOn > options.today)
    issues.push({ field: 'body.makeupOn', reason: '补课日期不能晚于今天 / a make-up cannot be dated in the future' });
  if (issues.length) throw badInput(issues);
  const [after] = await tx
    .update(attendance)
    .set({ makeupOn: input.makeupOn, makeupContent: input.makeupContent, version: sql`${attendance.version} + 1` })
    .where(
      and(
        eq(attendance.tenantId, m.tenantId),
        eq(attendance.meetingId, m.id),
        eq(attendance.personId, options.personId),
        eq(attendance.version, before.version),
      ),
    )
    .returning();
  if (!after) throw stale();
  await recordAudit(tx, actor, {
    action: 'makeup',
    entity: 'attendance',
    entityId: `${m.id}/${options.personId}`,
    tenantId: m.tenantId,
    orgPath: row.orgPath,
    before,
    after,
  });
  return after;
}

/**
 * Make-up tasks of an org subtree (absent or on leave), open ones only when asked. A member sees
 * their own.
 */
export async function listMakeups(tx: Tx, options: { actor: Actor; orgId?: string; open: boolean }) {
  const { actor } = options;
  const scope = orgInScope(actor, 'read', orgs.tenantId, orgs.path);
  const conditions: (SQL | undefined)[] = [
    inArray(attendance.status, ['absent', 'leave']),
    actor.personId ? sql`(${scope} or ${attendance.personId} = ${actor.personId}::uuid)` : scope,
  ];
  if (options.open) conditions.push(isNull(attendance.makeupOn));
  if (options.orgId)
    conditions.push(
      sql`exists (select 1 from ${orgs} root where root.id = ${options.orgId}::uuid
        and root.tenant_id = ${orgs.tenantId} and starts_with(${orgs.path}, root.path))`,
    );
  return tx
    .select({
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      meetingType: meetings.type,
      heldOn: meetings.heldOn,
      orgId: orgs.id,
      orgName: orgs.name,
      personId: people.id,
      personName: people.name,
      personCode: people.code,
      status: attendance.status,
      reason: attendance.reason,
      makeupOn: attendance.makeupOn,
      makeupContent: attendance.makeupContent,
      version: attendance.version,
    })
    .from(attendance)
    .innerJoin(meetings, and(eq(meetings.tenantId, attendance.tenantId), eq(meetings.id, attendance.meetingId)))
    .innerJoin(orgs, and(eq(orgs.tenantId, meetings.tenantId), eq(orgs.id, meetings.orgId)))
    .innerJoin(people, and(eq(people.tenantId, attendance.tenantId), eq(people.id, attendance.personId)))
    .where(and(...conditions))
    .orderBy(asc(meetings.heldOn), asc(people.code));
}
