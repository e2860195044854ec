/** A member checks in by scanning the meeting's QR code: once, present or late, audited. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { attendance, meetings, orgs } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { todayInShanghai } from '../../server/context.ts';
import { AppError, type Bilingual } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { verifyCheckinToken } from './checkin-token.ts';
import { expectedAttendees } from './expected-attendees.ts';

/** Minutes after the start time within which a check-in is still on time. */
export const GRACE_MINUTES = 10;

type CheckinCode = 'TOKEN_FORGED' | 'TOKEN_EXPIRED' | 'WRONG_MEETING' | 'NOT_MEETING_DAY' | 'NOT_ATTENDEE';

/**
 * A refused check-in with a code of its own, so the phone page can say exactly what went wrong.
 * (The shared error type's codes are the generic ones; these carry their own status.)
 */
export class CheckinRefused extends AppError {
  readonly #status: number;
  constructor(code: CheckinCode, status: 400 | 403, text: Bilingual) {
    super(status === 403 ? 'FORBIDDEN' : 'BAD_INPUT', text, { reason: code });
    (this as unknown as { code: string }).code = code;
    this.#status = status;
  }
  override get status(): number {
    return this.#status;
  }
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function shanghaiMinutes(now: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

/** Late when checking in more than the grace period after the start time (on time without a start time). */
export function isLate(startTime: string | null, now: Date): boolean {
  return startTime !== null && shanghaiMinutes(now) > minutesOf(startTime) + GRACE_MINUTES;
}

export async function checkIn(
  tx: Tx,
  options: { token: string; meetingId?: string; actor: Actor; now: Date; secret: string },
) {
  const { actor, now } = options;
  const claims = verifyCheckinToken(options.secret, options.token, now);
  if (!claims.ok)
    throw claims.reason === 'expired'
      ? new CheckinRefused('TOKEN_EXPIRED', 400, {
          zh: '签到二维码已过期，请请会议组织者刷新二维码后重新扫码',
          en: 'This check-in code has expired; ask the organizer to show a fresh one and scan again',
        })
      : new CheckinRefused('TOKEN_FORGED', 400, {
          zh: '签到二维码无效（可能被篡改或不完整），请重新扫描会场的二维码',
          en: 'This check-in code is not valid (altered or incomplete); scan the code shown at the meeting again',
        });
  const wrongMeeting = () =>
    new CheckinRefused('WRONG_MEETING', 400, {
      zh: '该二维码不属于您所在的会议，请核对会议后重新扫码',
      en: 'This code belongs to a different meeting; check which meeting you are at and scan again',
    });
  if (actor.tenantId !== claims.tenantId) throw wrongMeeting();
  if (options.meetingId && options.meetingId !== claims.meetingId) throw wrongMeeting();
  const [found] = await tx
    .select({ meeting: meetings, orgPath: orgs.path })
    .from(meetings)
    .innerJoin(orgs, and(eq(orgs.tenantId, meetings.tenantId), eq(orgs.id, meetings.orgId)))
    .where(and(eq(meetings.tenantId, claims.tenantId), eq(meetings.id, claims.meetingId)));
  if (!found) throw wrongMeeting();
  const meeting = found.meeting;
  const today = todayInShanghai(now);
  if (meeting.heldOn !== today)
    throw new CheckinRefused('NOT_MEETING_DAY', 400, {
      zh: `该会议日期为 ${meeting.heldOn}，只能在会议当天签到`,
      en: `This meeting is on ${meeting.heldOn}; check-in is open on that day only`,
    });

  const personId = actor.personId;
  const [existing] = personId
    ? await tx
        .select()
        .from(attendance)
        .where(
          and(
            eq(attendance.tenantId, meeting.tenantId),
            eq(attendance.meetingId, meeting.id),
            eq(attendance.personId, personId),
          ),
        )
    : [];
  const result = (row: typeof attendance.$inferSelect, alreadyCheckedIn: boolean) => ({
    meetingId: meeting.id,
    title: meeting.title,
    heldOn: meeting.heldOn,
    status: row.status as 'present' | 'late',
    checkedInAt: (row.checkedInAt ?? now).toISOString(),
    alreadyCheckedIn,
  });
  // A second scan answers like the first and writes nothing.
  if (existing?.checkedInAt) return result(existing, true);

  const expected =
    personId &&
    (existing?.guest ||
      (await expectedAttendees(tx, { tenantId: meeting.tenantId, meetingIds: [meeting.id] })).some(
        (e) => e.personId === personId,
      ));
  if (!personId || !expected)
    throw new CheckinRefused('NOT_ATTENDEE', 403, {
      zh: '您不在本次会议的应到人员名单中，如需列席请联系会议组织者',
      en: 'You are not on the list of expected attendees of this meeting; ask the organizer to add you as a guest',
    });

  const status = isLate(meeting.startTime, now) ? 'late' : 'present';
  const [row] = await tx
    .insert(attendance)
    .values({ tenantId: meeting.tenantId, meetingId: meeting.id, personId, status, checkedInAt: now })
    .onConflictDoUpdate({
      target: [attendance.tenantId, attendance.meetingId, attendance.personId],
      set: {
        status,
        reason: null,
        checkedInAt: now,
        makeupOn: null,
        makeupContent: null,
        version: existing ? existing.version + 1 : 1,
      },
      // A concurrent scan of the same member got there first: leave its row alone.
      setWhere: isNull(attendance.checkedInAt),
    })
    .returning();
  if (!row) {
    const [first] = await tx
      .select()
      .from(attendance)
      .where(
        and(
          eq(attendance.tenantId, meeting.tenantId),
          eq(attendance.meetingId, meeting.id),
          eq(attendance.personId, personId),
        ),
      );
    return result(first, true);
  }
  await recordAudit(tx, actor, {
    action: 'checkin',
    entity: 'attendance',
    entityId: `${meeting.id}/${personId}`,
    tenantId: meeting.tenantId,
    orgPath: found.orgPath,
    before: existing ?? null,
    after: row,
  });
  return result(row, false);
}
