/**
 * Facts for the member-level rules: see `MemberFacts`. Every query is one statement over the
 * whole scope (the people with any membership in it), grouped by person: never one per member.
 */
import { sql } from 'drizzle-orm';
import {
  type Absence,
  type MemberFacts,
  type MemberRecord,
  type MembershipSpan,
  MIN_MAKEUP_DAYS,
} from '../../domain/rules/member-facts.ts';
import { selectRows } from '../../modules/orgs/select-rows.ts';
import type { Tx } from '../connect.ts';
import { type FactScope, orgFilter, validOnSql } from './scope.ts';

const day = (column: string) => sql.raw(`to_char(${column}, 'YYYY-MM-DD')`);
const held = sql`m.status in ('held', 'recorded')`;

export async function loadMemberFacts(tx: Tx, scope: FactScope): Promise<MemberFacts> {
  const tenants = sql`${sql.param(scope.tenantIds)}::uuid[]`;
  const asOf = sql`${scope.asOf}::date`;
  const from = sql`${scope.from}::date`;
  /** The range's last day that has happened: nothing after asOf is judged. */
  const until = sql`least(${scope.to}::date, ${asOf})`;
  // Everyone with a membership in the scope, at any time: a member who moved out keeps the
  // findings of the years they were here, one who moved in brings their earlier attendance.
  const scopePeople = sql`(select distinct ms.tenant_id, ms.person_id from memberships ms
    join orgs o on o.tenant_id = ms.tenant_id and o.id = ms.org_id where ${orgFilter(scope)})`;

  const people = await selectRows<Omit<MemberRecord, 'memberships' | 'reportsByYear' | 'lifeMeetingsByYear'>>(
    tx,
    sql`with sp as ${scopePeople},
      life as (
        select a.tenant_id, a.person_id,
          max(m.held_on) filter (where ${held} and a.status in ('present', 'late') and o.kind in ('branch', 'group')) as last_life,
          max(m.held_on) filter (where ${held} and a.status = 'leave' and btrim(coalesce(a.reason, '')) <> ''
            and o.kind in ('branch', 'group')) as last_excused,
          greatest(max(m.held_on) filter (where ${held} and a.status in ('present', 'late')),
            max((a.checked_in_at at time zone 'Asia/Shanghai')::date) filter (where a.checked_in_at is not null)) as last_attended
        from attendance a
        join meetings m on m.tenant_id = a.tenant_id and m.id = a.meeting_id
        join orgs o on o.tenant_id = m.tenant_id and o.id = m.org_id
        where a.tenant_id = any(${tenants}) and (a.tenant_id, a.person_id) in (select tenant_id, person_id from sp)
          and m.held_on <= ${asOf}
        group by a.tenant_id, a.person_id
      ),
      reports as (
        select t.tenant_id, t.person_id, max(t.submitted_on) as last_report
        from thought_reports t
        where t.tenant_id = any(${tenants}) and (t.tenant_id, t.person_id) in (select tenant_id, person_id from sp)
          and t.submitted_on <= ${asOf}
        group by t.tenant_id, t.person_id
      )
      select p.tenant_id as "tenantId", p.id as "personId", p.code, p.name, p.leading_cadre as "leadingCadre",
        ${day('l.last_life')} as "lastLife", ${day('l.last_excused')} as "lastExcused",
        ${day('l.last_attended')} as "lastAttended", ${day('r.last_report')} as "lastReport"
      from sp join people p on p.tenant_id = sp.tenant_id and p.id = sp.person_id
      left join life l on l.tenant_id = sp.tenant_id and l.person_id = sp.person_id
      left join reports r on r.tenant_id = sp.tenant_id and r.person_id = sp.person_id
      order by p.tenant_id, p.code`,
  );

  const spans = await selectRows<MembershipSpan & { personId: string }>(
    tx,
    sql`select ms.person_id as "personId", ms.id, ms.org_id as "orgId", ms.standing,
        ${day('ms.valid_from')} as "validFrom", ${day('ms.valid_to')} as "validTo"
      from memberships ms
      where ms.tenant_id = any(${tenants}) and (ms.tenant_id, ms.person_id) in (select tenant_id, person_id from ${scopePeople} sp)
      order by ms.person_id, ms.valid_from, ms.valid_to nulls last`,
  );

  const reportCounts = await selectRows<{ personId: string; year: string; count: number }>(
    tx,
    sql`select t.person_id as "personId", extract(year from t.submitted_on)::int::text as year, count(*)::int as count
      from thought_reports t
      where t.tenant_id = any(${tenants}) and (t.tenant_id, t.person_id) in (select tenant_id, person_id from ${scopePeople} sp)
        and t.submitted_on between ${from} and ${until}
      group by 1, 2`,
  );

  // LIFE-22: a leading cadre's attendance at their own branch's 组织生活会, the branch being the
  // one their membership names on the meeting day.
  const cadreMeetings = await selectRows<{ personId: string; year: string; meetingIds: string[] }>(
    tx,
    sql`select a.person_id as "personId", extract(year from m.held_on)::int::text as year,
        json_agg(m.id order by m.held_on, m.id) as "meetingIds"
      from people p
      join attendance a on a.tenant_id = p.tenant_id and a.person_id = p.id
      join meetings m on m.tenant_id = a.tenant_id and m.id = a.meeting_id
      join memberships ms on ms.tenant_id = a.tenant_id and ms.person_id = a.person_id and ms.org_id = m.org_id
        and ${validOnSql('ms', sql`m.held_on`)}
      where p.tenant_id = any(${tenants}) and p.leading_cadre
        and (p.tenant_id, p.id) in (select tenant_id, person_id from ${scopePeople} sp)
        and m.type = 'lifeMeeting' and ${held} and a.status in ('present', 'late')
        and m.held_on between ${from} and ${until}
      group by 1, 2`,
  );

  // LIFE-11: absences of members of the scope's branches that were not made up within the
  // shortest allowed window (later ones are judged against each org's own makeupDays).
  const absences = await selectRows<Absence>(
    tx,
    sql`select distinct on (a.meeting_id, a.person_id)
        a.person_id as "personId", a.meeting_id as "meetingId", m.title as "meetingTitle", m.type,
        ${day('m.held_on')} as "heldOn", a.status, ${day('a.makeup_on')} as "makeupOn", ms.org_id as "orgId"
      from attendance a
      join meetings m on m.tenant_id = a.tenant_id and m.id = a.meeting_id
      join memberships ms on ms.tenant_id = a.tenant_id and ms.person_id = a.person_id and ms.standing = 'normal'
        and ${validOnSql('ms', sql`m.held_on`)}
      join orgs o on o.tenant_id = ms.tenant_id and o.id = ms.org_id
      where ${orgFilter(scope)} and a.tenant_id = any(${tenants})
        and a.status in ('absent', 'leave') and not a.guest and ${held} and m.type <> 'conversation'
        and m.held_on between ${from} and ${until}
        and (a.makeup_on is null or a.makeup_on > m.held_on + ${MIN_MAKEUP_DAYS}::int)
      order by a.meeting_id, a.person_id, ms.valid_from desc`,
  );

  const lastMeetings = await selectRows<{ orgId: string; day: string }>(
    tx,
    sql`select case when o.kind = 'group' then o.parent_id else o.id end as "orgId", ${day('max(m.held_on)')} as day
      from meetings m join orgs o on o.tenant_id = m.tenant_id and o.id = m.org_id
      where ${orgFilter(scope)} and o.kind in ('branch', 'group') and ${held} and m.held_on <= ${asOf}
      group by 1`,
  );

  const byPerson = new Map<string, MemberRecord>();
  const members = people.map((p) => {
    const record: MemberRecord = { ...p, memberships: [], reportsByYear: {}, lifeMeetingsByYear: {} };
    byPerson.set(p.personId, record);
    return record;
  });
  for (const { personId, ...span } of spans) byPerson.get(personId)?.memberships.push(span);
  for (const r of reportCounts) {
    const record = byPerson.get(r.personId);
    if (record) record.reportsByYear[r.year] = r.count;
  }
  for (const r of cadreMeetings) {
    const record = byPerson.get(r.personId);
    if (record) record.lifeMeetingsByYear[r.year] = r.meetingIds;
  }
  const branchLastMeeting: Record<string, string> = {};
  for (const r of lastMeetings) {
    if (!branchLastMeeting[r.orgId] || branchLastMeeting[r.orgId] < r.day) branchLastMeeting[r.orgId] = r.day;
  }
  return { members, absences, branchLastMeeting };
}
