/**
 * Facts for the EDU rules (see `EduFacts`): memberships and leadership seats of the scope, every
 * credited hour summed per person, year and kind, and the universities' training sessions — five
 * set-based queries whatever the size of the scope.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type EduFacts, leadershipRoles, MEETING_CREDIT_CAP_HOURS } from '../../domain/rules/edu-facts.ts';
import { selectRows } from '../../modules/orgs/select-rows.ts';
import type { Tx } from '../connect.ts';
import { type FactScope, orgFilter } from './scope.ts';

/** Meeting types whose attendance counts as study (party lectures and general assemblies). */
export const studyMeetingTypes = ['partyLecture', 'generalAssembly'];

/**
 * Hours a meeting credits to each attendee present: its duration from start to end time, rounded
 * down to a half hour and capped; a meeting without both times credits nothing.
 */
export function meetingCreditHoursSql(meeting: string): SQL {
  const m = sql.raw(meeting);
  return sql`least(${MEETING_CREDIT_CAP_HOURS}::float8,
    floor(extract(epoch from (${m}.end_time::time - ${m}.start_time::time)) / 1800.0) / 2.0)`;
}

/** The conditions under which a meeting's attendee `a` is credited. */
export function meetingCreditWhereSql(meeting: string, attendance: string): SQL {
  const m = sql.raw(meeting);
  const a = sql.raw(attendance);
  return sql`${m}.type in (${sql.join(
    studyMeetingTypes.map((t) => sql`${t}`),
    sql`, `,
  )}) and ${m}.status in ('held', 'recorded')
    and ${a}.status in ('present', 'late')
    and ${m}.start_time is not null and ${m}.end_time is not null and ${m}.end_time::time > ${m}.start_time::time`;
}

export async function loadTrainingFacts(tx: Tx, scope: FactScope): Promise<EduFacts> {
  const tenants = sql`${sql.param(scope.tenantIds)}::uuid[]`;
  const firstDay = `${scope.from.slice(0, 4)}-01-01`;
  const lastDay = `${scope.to.slice(0, 4)}-12-31`;
  const overlaps = (alias: string) => {
    const a = sql.raw(alias);
    return sql`${a}.valid_from <= ${lastDay}::date and (${a}.valid_to is null or ${a}.valid_to > ${firstDay}::date)`;
  };

  const memberships = await selectRows<EduFacts['memberships'][number]>(
    tx,
    sql`select m.person_id as "personId", m.org_id as "orgId", m.standing,
        to_char(m.valid_from, 'YYYY-MM-DD') as "validFrom", to_char(m.valid_to, 'YYYY-MM-DD') as "validTo"
      from memberships m join orgs o on o.tenant_id = m.tenant_id and o.id = m.org_id
      where ${orgFilter(scope)} and ${overlaps('m')}
      order by m.person_id, m.valid_from`,
  );
  const seats = await selectRows<EduFacts['seats'][number]>(
    tx,
    sql`select p.person_id as "personId", t.org_id as "orgId", o.kind as "orgKind", p.role,
        to_char(p.valid_from, 'YYYY-MM-DD') as "validFrom", to_char(p.valid_to, 'YYYY-MM-DD') as "validTo"
      from positions p
      join terms t on t.tenant_id = p.tenant_id and t.id = p.term_id
      join orgs o on o.tenant_id = t.tenant_id and o.id = t.org_id
      where ${orgFilter(scope)} and o.kind in ('college', 'branch')
        and p.role in (${sql.join(
          leadershipRoles.map((r) => sql`${r}`),
          sql`, `,
        )})
        and ${overlaps('p')}
      order by p.person_id, p.valid_from`,
  );
  const personIds = [...new Set([...memberships.map((m) => m.personId), ...seats.map((s) => s.personId)])];
  const persons = sql`${sql.param(personIds)}::uuid[]`;
  const people = personIds.length
    ? await selectRows<EduFacts['people'][number]>(
        tx,
        sql`select id, name, code from people where tenant_id = any(${tenants}) and id = any(${persons})`,
      )
    : [];
  const credits = personIds.length
    ? await selectRows<EduFacts['credits'][number]>(
        tx,
        sql`select c.person_id as "personId", extract(year from c.credited_on)::int as year, c.kind,
            sum(c.hours)::float8 as hours, count(*)::int as count
          from training_credits c
          where c.tenant_id = any(${tenants}) and c.person_id = any(${persons})
            and c.credited_on between ${firstDay}::date and ${lastDay}::date
          group by 1, 2, 3
          union all
          select a.person_id, extract(year from m.held_on)::int, 'meeting',
            sum(${meetingCreditHoursSql('m')})::float8, count(*)::int
          from attendance a join meetings m on m.tenant_id = a.tenant_id and m.id = a.meeting_id
          where a.tenant_id = any(${tenants}) and a.person_id = any(${persons})
            and m.held_on between ${firstDay}::date and ${lastDay}::date
            and ${meetingCreditWhereSql('m', 'a')}
          group by 1, 2, 3`,
      )
    : [];
  const sessions = await selectRows<EduFacts['sessions'][number]>(
    tx,
    sql`select s.id, s.tenant_id as "tenantId", s.org_id as "orgId", s.kind, s.audience,
        to_char(s.starts_on, 'YYYY-MM-DD') as "startsOn", s.title
      from training_sessions s
      where s.tenant_id = any(${tenants}) and s.starts_on between ${firstDay}::date and ${lastDay}::date
      order by s.starts_on`,
  );
  return { people, memberships, seats, credits, sessions };
}
