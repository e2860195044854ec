import { and, eq, like, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { meetings } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { isUniqueViolation } from '../members/unique-violation.ts';
import { loadOrgInScope } from '../orgs/load-org.ts';
import { checkMeeting } from './check-meeting.ts';
import { defaultAudience } from './expected-attendees.ts';
import type { CreateMeetingInput } from './schema.ts';
import { auditState } from './select-meetings.ts';

/** The next free code of the year in this university: m-2026-000123. */
export async function nextMeetingCode(tx: Tx, tenantId: string, heldOn: string): Promise<string> {
  const prefix = `m-${heldOn.slice(0, 4)}-`;
  const [row] = await tx
    .select({ last: sql<string | null>`max(${meetings.code})` })
    .from(meetings)
    .where(
      and(
        eq(meetings.tenantId, tenantId),
        like(meetings.code, `${prefix}%`),
        sql`${meetings.code} ~ '^m-\\d{4}-\\d{6}$'`,
      ),
    );
  const next = row?.last ? Number(row.last.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(next).padStart(6, '0')}`;
}

/** A planned meeting of an org in the actor's write scope. */
export async function createMeeting(tx: Tx, options: { input: CreateMeetingInput; actor: Actor; today: string }) {
  const { input, actor } = options;
  const org = await loadOrgInScope(tx, actor, 'write', input.orgId);
  const issues = await checkMeeting(tx, org, { ...input, status: 'planned' }, options.today);
  if (input.code) {
    const [taken] = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.tenantId, org.tenantId), eq(meetings.code, input.code)));
    if (taken) issues.push({ field: 'body.code', reason: '编号已被使用 / this code is taken' });
  }
  if (issues.length) throw badInput(issues);
  const minutesText = input.minutesText || null;
  try {
    const [meeting] = await tx
      .insert(meetings)
      .values({
        tenantId: org.tenantId,
        code: input.code ?? (await nextMeetingCode(tx, org.tenantId, input.heldOn)),
        orgId: org.id,
        type: input.type,
        heldOn: input.heldOn,
        startTime: input.startTime ?? null,
        endTime: input.endTime ?? null,
        title: input.title,
        lecturerId: input.lecturerId ?? null,
        venueId: input.venueId ?? null,
        place: input.place || null,
        audience: input.audience ?? defaultAudience(input.type, org.kind),
        status: 'planned',
        minutes: Boolean(minutesText),
        minutesText,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'meeting',
      entityId: meeting.id,
      tenantId: org.tenantId,
      orgPath: org.path,
      after: auditState(meeting),
    });
    return meeting;
  } catch (error) {
    // Two meetings created at once drew the same next code.
    if (isUniqueViolation(error))
      throw conflict({ zh: '会议编号冲突，请重试', en: 'The meeting code was taken meanwhile; try again' });
    throw error;
  }
}
