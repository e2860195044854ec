/**
 * A member's own page: what they are expected at next, how they attended this year, the
 * make-ups they owe and the thought reports they sent. Everything is keyed by the actor's own
 * person, so no scope beyond "self" is involved.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { notFound } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { expectedAttendeesQuery } from '../meetings/expected-attendees.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { yearBounds } from './periods.ts';

type MyMeeting = {
  id: string;
  orgId: string;
  orgName: string;
  type: string;
  status: string;
  heldOn: string;
  startTime: string | null;
  endTime: string | null;
  title: string;
  place: string | null;
  attendance: string | null;
  makeupOn: string | null;
  makeupContent: string | null;
};

/**
 * Meetings of the person's current and past orgs (membership org, group, seats) in a window where
 * they were expected on the day, or where their attendance was recorded (not as a guest).
 */
const myMeetings = (personId: string, tenantId: string, from: string, to: string | null, statuses: string[]) => {
  const candidates = sql`m.tenant_id = ${tenantId} and m.held_on >= ${from}::date
    ${to ? sql`and m.held_on <= ${to}::date` : sql``}
    and m.status in (${sql.join(
      statuses.map((s) => sql`${s}`),
      sql`, `,
    )})
    and (m.org_id in (select org_id from mine)
      or exists (select 1 from attendance a where a.tenant_id = m.tenant_id and a.meeting_id = m.id
        and a.person_id = ${personId}))`;
  return sql`
  with mine as (
    select org_id from memberships where tenant_id = ${tenantId} and person_id = ${personId}
    union select group_id from memberships where tenant_id = ${tenantId} and person_id = ${personId} and group_id is not null
    union select t.org_id from positions p join terms t on t.tenant_id = p.tenant_id and t.id = p.term_id
      where p.tenant_id = ${tenantId} and p.person_id = ${personId}),
  mt as (select m.* from meetings m join orgs o on o.tenant_id = m.tenant_id and o.id = m.org_id where ${candidates}),
  ex as (${expectedAttendeesQuery(candidates)})
  select mt.id, mt.org_id as "orgId", o.name as "orgName", mt.type, mt.status, mt.held_on::text as "heldOn",
    mt.start_time as "startTime", mt.end_time as "endTime", mt.title, coalesce(v.name, mt.place) as place,
    a.status as attendance, a.makeup_on::text as "makeupOn", a.makeup_content as "makeupContent"
  from mt
  join orgs o on o.tenant_id = mt.tenant_id and o.id = mt.org_id
  left join venues v on v.tenant_id = mt.tenant_id and v.id = mt.venue_id
  left join attendance a on a.tenant_id = mt.tenant_id and a.meeting_id = mt.id and a.person_id = ${personId}
  where (exists (select 1 from ex where ex.meeting_id = mt.id and ex.person_id = ${personId})
    or (a.person_id is not null and not a.guest))
  order by mt.held_on, mt.start_time nulls first`;
};

export async function loadMyLife(tx: Tx, options: { actor: Actor; today: string }) {
  const { actor, today } = options;
  if (!actor.personId || !actor.tenantId)
    throw notFound({ zh: '本人党员档案（账号未关联人员）', en: 'own member record (the account has no person)' });
  const personId = actor.personId;
  const tenantId = actor.tenantId;
  const year = Number(today.slice(0, 4));
  const { from } = yearBounds(year);

  const upcoming = await selectRows<MyMeeting>(
    tx,
    myMeetings(personId, tenantId, today, null, ['planned', 'notified']),
  );
  const thisYear = await selectRows<MyMeeting>(tx, myMeetings(personId, tenantId, from, today, ['held', 'recorded']));
  const attended = thisYear.filter((m) => m.attendance === 'present' || m.attendance === 'late').length;
  const makeups = await selectRows<MyMeeting>(
    tx,
    sql`
    select m.id, m.org_id as "orgId", o.name as "orgName", m.type, m.status, m.held_on::text as "heldOn",
      m.start_time as "startTime", m.end_time as "endTime", m.title, coalesce(v.name, m.place) as place,
      a.status as attendance, a.makeup_on::text as "makeupOn", a.makeup_content as "makeupContent"
    from attendance a
    join meetings m on m.tenant_id = a.tenant_id and m.id = a.meeting_id
    join orgs o on o.tenant_id = m.tenant_id and o.id = m.org_id
    left join venues v on v.tenant_id = m.tenant_id and v.id = m.venue_id
    where a.tenant_id = ${tenantId} and a.person_id = ${personId} and a.status in ('absent', 'leave')
      and a.makeup_on is null and m.status in ('held', 'recorded')
    order by m.held_on`,
  );
  const reports = await selectRows<{
    id: string;
    title: string;
    submittedOn: string;
    read: boolean;
    comment: string | null;
  }>(
    tx,
    sql`
    select id, title, submitted_on::text as "submittedOn", read_at is not null as read, comment
    from thought_reports where tenant_id = ${tenantId} and person_id = ${personId}
    order by submitted_on desc`,
  );
  return {
    personId,
    year,
    upcoming,
    attendance: {
      expected: thisYear.length,
      attended,
      absent: thisYear.filter((m) => m.attendance === 'absent').length,
      leave: thisYear.filter((m) => m.attendance === 'leave').length,
      rate: thisYear.length ? Math.round((attended * 1000) / thisYear.length) / 10 : null,
      meetings: thisYear,
    },
    makeups,
    reports,
  };
}
