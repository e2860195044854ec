/**
 * Who is expected at a meeting, derived from memberships and seats valid on its day — never
 * stored, so a member who moved branches last week is expected where they are now, and a
 * meeting of last year still shows last year's branch. Set-based: one query for many meetings
 * (the ledger, the calendar, the to-do list).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { selectRows } from '../orgs/select-rows.ts';
import type { Audience } from './schema.ts';

/** The audience a meeting of this type at an org of this kind has when none is given. */
export function defaultAudience(type: string, orgKind: string): Audience {
  if (orgKind === 'group') return 'group';
  if (type === 'committeeMeeting') return 'committee';
  if (type === 'leadershipLifeMeeting' || type === 'studyGroupSession') return 'leadership';
  return 'branch';
}

/** The same default in SQL, for meetings stored without an audience (imported history). */
const effectiveAudience = sql`case
  when m.audience is not null then m.audience
  when o.kind = 'group' then 'group'
  when m.type = 'committeeMeeting' then 'committee'
  when m.type in ('leadershipLifeMeeting', 'studyGroupSession') then 'leadership'
  else 'branch' end`;

const validOn = (alias: string, day: SQL) => {
  const a = sql.raw(alias);
  return sql`${a}.valid_from <= ${day} and (${a}.valid_to is null or ${a}.valid_to > ${day})`;
};

/**
 * `(meeting_id, person_id)` of every expected attendee of the meetings matching `condition`
 * (a predicate on the meetings row aliased `m`).
 *
 * - branch: members in normal standing whose membership that day is in the org (leading cadres
 *   included: they attend their own branch as ordinary members);
 * - group: members whose membership that day names the group;
 * - committee / leadership: holders of the seats, that day, of the org's term current that day
 *   (the latest elected on or before it), unless their membership that day is not in normal standing.
 */
export function expectedAttendeesQuery(condition: SQL): SQL {
  const day = sql`mt.held_on`;
  return sql`with mt as (
      select m.tenant_id, m.id, m.org_id, m.held_on, ${effectiveAudience} as audience
      from meetings m join orgs o on o.tenant_id = m.tenant_id and o.id = m.org_id
      where ${condition}
    )
    select mt.id as meeting_id, ms.person_id
      from mt join memberships ms on ms.tenant_id = mt.tenant_id and ms.org_id = mt.org_id
      where mt.audience = 'branch' and ms.standing = 'normal' and ${validOn('ms', day)}
    union
    select mt.id, ms.person_id
      from mt join memberships ms on ms.tenant_id = mt.tenant_id and ms.group_id = mt.org_id
      where mt.audience = 'group' and ms.standing = 'normal' and ${validOn('ms', day)}
    union
    select mt.id, p.person_id
      from mt
      join terms t on t.tenant_id = mt.tenant_id and t.id = (
        select t2.id from terms t2 where t2.tenant_id = mt.tenant_id and t2.org_id = mt.org_id
          and t2.elected_on <= mt.held_on order by t2.elected_on desc limit 1)
      join positions p on p.tenant_id = t.tenant_id and p.term_id = t.id and ${validOn('p', day)}
      where mt.audience in ('committee', 'leadership')
        and not exists (select 1 from memberships ms where ms.tenant_id = mt.tenant_id
          and ms.person_id = p.person_id and ms.standing <> 'normal' and ${validOn('ms', day)})`;
}

export type ExpectedAttendee = {
  meetingId: string;
  personId: string;
  name: string;
  code: string;
  leadingCadre: boolean;
};

/** Expected attendees of many meetings of one university at once, ordered by meeting and person code. */
export async function expectedAttendees(
  tx: Tx,
  options: { tenantId: string; meetingIds: string[] },
): Promise<ExpectedAttendee[]> {
  if (options.meetingIds.length === 0) return [];
  const ids = sql.join(
    options.meetingIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await selectRows<{
    meeting_id: string;
    person_id: string;
    name: string;
    code: string;
    leading_cadre: boolean;
  }>(
    tx,
    sql`select e.meeting_id, e.person_id, pp.name, pp.code, pp.leading_cadre
      from (${expectedAttendeesQuery(sql`m.tenant_id = ${options.tenantId} and m.id in (${ids})`)}) e
      join people pp on pp.tenant_id = ${options.tenantId} and pp.id = e.person_id
      order by e.meeting_id, pp.code`,
  );
  return rows.map((r) => ({
    meetingId: r.meeting_id,
    personId: r.person_id,
    name: r.name,
    code: r.code,
    leadingCadre: r.leading_cadre,
  }));
}

/** Groups expected attendees by meeting. */
export function byMeeting<T extends { meetingId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.meetingId);
    if (list) list.push(row);
    else map.set(row.meetingId, [row]);
  }
  return map;
}
