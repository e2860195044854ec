/**
 * Facts for the member-level rules: see `MemberFacts`. Every query is one statement over the
 * whole scope (the people with any membership in it), grouped by person: never one per member.
 */
import { type SQL, sql } from 'drizzle-orm';
import {
  type Absence,
  type MemberFacts,
  type MemberRecord,
  type MembershipSpan,
  MIN_MAKEUP_DAYS,
} from '../../domain/rules/member-facts.ts';
import { selectRows } from '../../modules/orgs/select-rows.ts';
import type { Tx } from '../connect.ts';
import { readAll, type SnapshotReaders } from '../snapshot-readers.ts';
import { type FactScope, orgFilter, validOnSql } from './scope.ts';

const day = (column: string) => sql.raw(`to_char(${column}, 'YYYY-MM-DD')`);
const held = sql`m.status in ('held', 'recorded')`;

type PersonRow = Omit<MemberRecord, 'memberships' | 'reportsByYear' | 'lifeMeetingsByYear'>;
type LastDays = Pick<MemberRecord, 'lastLife' | 'lastExcused' | 'lastAttended'>;
const isCut = (p: LastDays) => p.lastAttended === null || (p.lastLife === null && p.lastExcused === null);
/**
 * Months of meetings whose attendance is read for the people evaluated as of a day before their
 * last attendance, then for those the shorter window left undecided (see `isCut`), and last
 * (null) their whole history. A quarter holds a
 * general assembly; 25 months cover the longest `months` LIFE-13 and MEM-03 accept (24).
 */
const windows = [3, 25, null];

/**
 * Per person of the attendance rows `who` selects, over the meetings `when` selects (held on or
 * before asOf): the last organizational life, excused meeting and attendance (see
 * `MemberRecord`). The meetings' flags are worked out once per meeting, not once per attendance
 * row; a check-in's day is converted once per person (the latest instant has the latest day).
 */
export const lastDays = (who: SQL, when: SQL) => sql`
  select a.person_id, a.tenant_id,
    max(m.life_day) filter (where a.status in ('present', 'late')) as last_life,
    max(m.life_day) filter (where a.status = 'leave' and btrim(coalesce(a.reason, '')) <> '') as last_excused,
    greatest(max(m.held_day) filter (where a.status in ('present', 'late')),
      (max(a.checked_in_at) at time zone 'Asia/Shanghai')::date) as last_attended
  from attendance a
  join (select m.tenant_id, m.id,
      case when ${held} then m.held_on end as held_day,
      case when ${held} and o.kind in ('branch', 'group') then m.held_on end as life_day
    from meetings m join orgs o on o.tenant_id = m.tenant_id and o.id = m.org_id
    where ${when}) m on m.tenant_id = a.tenant_id and m.id = a.meeting_id
  where ${who} and (a.status <> 'absent' or a.checked_in_at is not null)
  group by a.person_id, a.tenant_id`;

export async function loadMemberFacts(
  tx: Tx,
  scope: FactScope,
  readers: SnapshotReaders | null = null,
): Promise<MemberFacts> {
  const tenants = sql`${sql.param(scope.tenantIds)}::uuid[]`;
  const asOf = sql`${scope.asOf}::date`;
  const from = sql`${scope.from}::date`;
  /** The range's last day that has happened: nothing after asOf is judged. */
  const until = sql`least(${scope.to}::date, ${asOf})`;
  // Everyone with a membership in the scope, at any time: a member who moved out keeps the
  // findings of the years they were here, one who moved in brings their earlier attendance. Used
  // as `person_id in (…)` on one column, inline: PostgreSQL then estimates it from the
  // memberships' statistics (a hash semi-join for a university, index lookups for a branch).
  // The tenant filter is on the orgs only: repeating it on memberships made the planner multiply
  // two selective estimates (48 people expected for a province of 500,000) and re-run the
  // attendance aggregate once per member.
  const inScope = (column: string) =>
    sql`${sql.raw(column)} in (select ms.person_id from memberships ms
      join orgs o on o.tenant_id = ms.tenant_id and o.id = ms.org_id
      where ${orgFilter(scope)})`;

  const meetingsSince = (months: number | null) =>
    months === null
      ? sql`m.tenant_id = any(${tenants}) and m.held_on <= ${asOf}`
      : sql`m.tenant_id = any(${tenants}) and m.held_on <= ${asOf}
          and m.held_on > (${asOf} - ${`${months} months`}::interval)::date`;
  // The days over all attendance are kept per person (attendance_last_days, by triggers): exact
  // for everyone whose days all lie on or before asOf. The others ("beyond": evaluated as of a
  // past day) are read from attendance.
  const readPeople = (on: Tx) =>
    selectRows<PersonRow & { beyond: boolean }>(
      on,
      sql`with reports as (
        select t.person_id, t.tenant_id, max(t.submitted_on) as last_report
        from thought_reports t
        where t.tenant_id = any(${tenants}) and ${inScope('t.person_id')} and t.submitted_on <= ${asOf}
        group by t.person_id, t.tenant_id
      )
      select p.tenant_id as "tenantId", p.id as "personId", p.code, p.name, p.leading_cadre as "leadingCadre",
        ${day('l.last_life')} as "lastLife", ${day('l.last_excused')} as "lastExcused",
        ${day('l.last_attended')} as "lastAttended", ${day('r.last_report')} as "lastReport",
        coalesce(greatest(l.last_life, l.last_excused, l.last_attended) > ${asOf}, false) as beyond
      from people p
      left join attendance_last_days l on l.tenant_id = p.tenant_id and l.person_id = p.id
      left join reports r on r.tenant_id = p.tenant_id and r.person_id = p.id
      where p.tenant_id = any(${tenants}) and ${inScope('p.id')}
      order by p.tenant_id, p.code`,
    );

  const readSpans = (on: Tx) =>
    selectRows<MembershipSpan & { personId: string }>(
      on,
      sql`select ms.person_id as "personId", ms.id, ms.org_id as "orgId", ms.standing,
        ${day('ms.valid_from')} as "validFrom", ${day('ms.valid_to')} as "validTo"
      from memberships ms
      where ms.tenant_id = any(${tenants}) and ${inScope('ms.person_id')}
      order by ms.person_id, ms.valid_from, ms.valid_to nulls last`,
    );

  const readReportCounts = (on: Tx) =>
    selectRows<{ personId: string; year: string; count: number }>(
      on,
      sql`select t.person_id as "personId", extract(year from t.submitted_on)::int::text as year, count(*)::int as count
      from thought_reports t
      where t.tenant_id = any(${tenants}) and ${inScope('t.person_id')}
        and t.submitted_on between ${from} and ${until}
      group by 1, 2`,
    );

  // LIFE-22: a leading cadre's attendance at their own branch's 组织生活会, the branch being the
  // one their membership names on the meeting day.
  const readCadreMeetings = (on: Tx) =>
    selectRows<{ personId: string; year: string; meetingIds: string[] }>(
      on,
      sql`with cadres as materialized (
        select p.tenant_id, p.id from people p
        where p.tenant_id = any(${tenants}) and p.leading_cadre and ${inScope('p.id')}
      )
      select a.person_id as "personId", extract(year from m.held_on)::int::text as year,
        json_agg(m.id order by m.held_on, m.id) as "meetingIds"
      from cadres c
      join attendance a on a.tenant_id = c.tenant_id and a.person_id = c.id
      join meetings m on m.tenant_id = a.tenant_id and m.id = a.meeting_id
      where m.type = 'lifeMeeting' and ${held} and a.status in ('present', 'late')
        and m.held_on between ${from} and ${until}
        and exists (select 1 from memberships ms where ms.tenant_id = a.tenant_id and ms.person_id = a.person_id
          and ms.org_id = m.org_id and ${validOnSql('ms', sql`m.held_on`)})
      group by 1, 2`,
    );

  // LIFE-11: absences of members of the scope's branches that were not made up within the
  // shortest allowed window, or within the scope's smallest makeupDays by asOf (LIFE-11 takes a
  // make-up after asOf as not done yet); the rest are judged against each org's own makeupDays.
  const minMakeupDays = scope.minMakeupDays ?? MIN_MAKEUP_DAYS;
  const readAbsences = (on: Tx) =>
    selectRows<Absence>(
      on,
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
        and (a.makeup_on is null or (a.makeup_on > m.held_on + ${MIN_MAKEUP_DAYS}::int
          and (a.makeup_on > ${asOf} or a.makeup_on > m.held_on + ${minMakeupDays}::int)))
      order by a.meeting_id, a.person_id, ms.valid_from desc`,
    );

  const readLastMeetings = (on: Tx) =>
    selectRows<{ orgId: string; day: string }>(
      on,
      sql`select case when o.kind = 'group' then o.parent_id else o.id end as "orgId", ${day('max(m.held_on)')} as day
      from meetings m join orgs o on o.tenant_id = m.tenant_id and o.id = m.org_id
      where ${orgFilter(scope)} and o.kind in ('branch', 'group') and ${held} and m.held_on <= ${asOf}
      group by 1`,
    );

  // Independent statements: side by side on readers sharing the evaluation's snapshot, when given.
  const [people, spans, reportCounts, cadreMeetings, absences, lastMeetings] = await readAll(tx, readers, [
    readPeople,
    readSpans,
    readReportCounts,
    readCadreMeetings,
    readAbsences,
    readLastMeetings,
  ]);

  // The beyond are read over the last `windows[0]` months of meetings first. Someone who attended
  // in the window and had organizational life or an excused meeting in it has their exact
  // lastAttended, and the later of lastLife and lastExcused exact: a day older than the window can
  // only be the earlier of those two, which LIFE-13 never takes (it is left null). A check-in is
  // on its meeting's day, so it falls in the window with the meeting. The others ("cut") are read
  // again over a longer window, by the attendance_person index, until their whole history has
  // been read.
  let cut: PersonRow[] = [];
  for (const p of people) {
    if (!p.beyond) continue;
    p.lastLife = p.lastExcused = p.lastAttended = null;
    cut.push(p);
  }
  for (const months of windows) {
    if (cut.length === 0) break;
    const again = await selectRows<{ personId: string } & LastDays>(
      tx,
      sql`select l.person_id as "personId", ${day('l.last_life')} as "lastLife",
          ${day('l.last_excused')} as "lastExcused", ${day('l.last_attended')} as "lastAttended"
        from (${lastDays(
          sql`a.tenant_id = any(${tenants}) and a.person_id = any(${sql.param(cut.map((p) => p.personId))}::uuid[])`,
          meetingsSince(months),
        )}) l`,
    );
    const byId = new Map(cut.map((p) => [p.personId, p]));
    for (const { personId, ...days } of again) {
      const p = byId.get(personId);
      if (p) Object.assign(p, days);
    }
    cut = cut.filter(isCut);
  }

  // Records are built field by field: in V8 an object spread followed by more properties costs
  // microseconds per object, which at 50,000 people was a quarter of this loader.
  const byPerson = new Map<string, MemberRecord>();
  const members = people.map((p) => {
    const record: MemberRecord = {
      tenantId: p.tenantId,
      personId: p.personId,
      code: p.code,
      name: p.name,
      leadingCadre: p.leadingCadre,
      memberships: [],
      lastLife: p.lastLife,
      lastExcused: p.lastExcused,
      lastAttended: p.lastAttended,
      lastReport: p.lastReport,
      reportsByYear: {},
      lifeMeetingsByYear: {},
    };
    byPerson.set(p.personId, record);
    return record;
  });
  for (const s of spans) {
    byPerson.get(s.personId)?.memberships.push({
      id: s.id,
      orgId: s.orgId,
      standing: s.standing,
      validFrom: s.validFrom,
      validTo: s.validTo,
    });
  }
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
