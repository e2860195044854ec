/**
 * Facts for the branch-level LIFE rules (see `LifeFacts`): a handful of set-based statements over
 * the whole scope, never one per org. Meetings count when held or recorded; planned and notified
 * ones are not organizational life yet.
 */
import { sql } from 'drizzle-orm';
import type {
  AppraisalFact,
  CountedMeetingType,
  Interval,
  LifeFacts,
  LifePlanFact,
  RecordGap,
} from '../../domain/rules/life-facts.ts';
import { mergeIntervals } from '../../domain/rules/life-owed.ts';
import { committeeSeatRoles } from '../../modules/life-views/labels.ts';
import { selectRows } from '../../modules/orgs/select-rows.ts';
import type { Tx } from '../connect.ts';
import { readAll, type SnapshotReaders } from '../snapshot-readers.ts';
import { type FactScope, orgFilter } from './scope.ts';

const held = sql`('held', 'recorded')`;
const list = (values: string[]) =>
  sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;

const countedTypes: CountedMeetingType[] = [
  'generalAssembly',
  'committeeMeeting',
  'groupMeeting',
  'partyLecture',
  'themeDay',
  'lifeMeeting',
  'leadershipLifeMeeting',
];
/** What members attend as their organizational life (LIFE-09); committee and leadership meetings are not. */
const lifeTypes = ['generalAssembly', 'groupMeeting', 'partyLecture', 'themeDay', 'lifeMeeting'];
/** Meetings whose record needs minutes and a sign-in list (LIFE-12): the 三会一课 and the branch's other life. */
const recordedTypes = [
  'generalAssembly',
  'committeeMeeting',
  'groupMeeting',
  'partyLecture',
  'themeDay',
  'lifeMeeting',
];

/**
 * Whole calendar years around the range, so every period overlapping it is counted in full, plus
 * the next January (year-end work of the last year may be done then) and, for LIFE-09's carried-in
 * gaps, the year before.
 */
export function lifeWindow(scope: Pick<FactScope, 'from' | 'to'>) {
  const firstYear = Number(scope.from.slice(0, 4));
  const lastYear = Number(scope.to.slice(0, 4));
  return {
    from: `${firstYear}-01-01`,
    to: `${lastYear + 1}-01-31`,
    firstYear,
    lastYear,
    lookbackFrom: `${firstYear - 1}-01-01`,
  };
}

const typeFactor = 100_000;
const lifeTypeIndexes = new Set(lifeTypes.map((t) => countedTypes.indexOf(t as CountedMeetingType) + 1));
const dayNumberOf = (day: string) =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;

/** Month counts per org and type from `countedFrom` on; organizational-life days per branch (its groups' included). */
export function tallyMeetings(
  rows: { orgId: string; kind: string; parentId: string | null; coded: number[] }[],
  countedFrom: number,
): Pick<LifeFacts, 'held' | 'lifeDays'> {
  const held: LifeFacts['held'] = {};
  const days = new Map<string, Set<number>>();
  const monthOf = new Map<number, string>();
  for (const r of rows) {
    const perType: Partial<Record<CountedMeetingType, Record<string, number>>> = {};
    const lifeOrg = r.kind === 'group' ? r.parentId : r.kind === 'branch' ? r.orgId : null;
    for (const code of r.coded.map(Number)) {
      const typeIndex = Math.floor(code / typeFactor);
      const day = code % typeFactor;
      if (lifeOrg && lifeTypeIndexes.has(typeIndex)) {
        const set = days.get(lifeOrg) ?? new Set<number>();
        set.add(day);
        days.set(lifeOrg, set);
      }
      if (day < countedFrom) continue;
      let month = monthOf.get(day);
      if (!month) {
        month = new Date(day * 86_400_000).toISOString().slice(0, 7);
        monthOf.set(day, month);
      }
      const type = countedTypes[typeIndex - 1];
      perType[type] ??= {};
      const months = perType[type];
      months[month] = (months[month] ?? 0) + 1;
    }
    if (Object.keys(perType).length > 0) held[r.orgId] = perType;
  }
  const lifeDays: LifeFacts['lifeDays'] = {};
  for (const [orgId, set] of days) lifeDays[orgId] = [...set].sort((x, y) => x - y);
  return { held, lifeDays };
}

export async function loadLifeFacts(
  tx: Tx,
  scope: FactScope,
  readers: SnapshotReaders | null = null,
): Promise<LifeFacts> {
  const w = lifeWindow(scope);
  const from = sql`${w.from}::date`;
  const to = sql`${w.to}::date`;

  // One scan of the held meetings: per org, one integer per meeting, type index × 100000 + day
  // number. Grouping by month in SQL would make nearly as many groups as meetings; the months,
  // and the branches' days of organizational life, are tallied here from the same rows.
  const readHeldMeetings = (on: Tx) =>
    selectRows<{ orgId: string; kind: string; parentId: string | null; coded: number[] }>(
      on,
      sql`select m.org_id as "orgId", o.kind, o.parent_id as "parentId",
      array_agg(array_position(${sql.param(countedTypes)}::text[], m.type) * ${typeFactor}
        + (m.held_on - date '1970-01-01')) as coded
    from meetings m join orgs o on o.tenant_id = m.tenant_id and o.id = m.org_id
    where ${orgFilter(scope)} and m.status in ${held} and m.type in ${list(countedTypes)}
      and m.held_on between ${w.lookbackFrom}::date and ${to}
    group by m.org_id, o.kind, o.parent_id`,
    );
  // The secretary is the holder of the secretary seat, that day, of the term current that day.
  const readLectures = (on: Tx) =>
    selectRows<{ orgId: string; year: number; n: number }>(
      on,
      sql`select m.org_id as "orgId", extract(year from m.held_on)::int as year, count(*)::int as n
    from meetings m join orgs o on o.tenant_id = m.tenant_id and o.id = m.org_id
    where ${orgFilter(scope)} and o.kind = 'branch' and m.type = 'partyLecture' and m.status in ${held}
      and m.held_on between ${from} and ${to} and m.lecturer_id is not null
      and exists (
        select 1 from positions p
        where p.tenant_id = m.tenant_id and p.role = 'secretary' and p.person_id = m.lecturer_id
          and p.valid_from <= m.held_on and (p.valid_to is null or p.valid_to > m.held_on)
          and p.term_id = (select t.id from terms t where t.tenant_id = m.tenant_id and t.org_id = m.org_id
            and t.elected_on <= m.held_on order by t.elected_on desc limit 1))
    group by m.org_id, extract(year from m.held_on)`,
    );
  // A seat counts while its term is the current one: from its election to the next term's.
  const readSeats = (on: Tx) =>
    selectRows<{ orgId: string; seat: 'secretary' | 'committee' } & Interval>(
      on,
      sql`with t as (
      select t.tenant_id, t.id, t.org_id, t.elected_on,
        lead(t.elected_on) over (partition by t.tenant_id, t.org_id order by t.elected_on) as next_on
      from terms t join orgs o on o.tenant_id = t.tenant_id and o.id = t.org_id
      where ${orgFilter(scope)} and o.kind = 'branch')
    select t.org_id as "orgId", case when p.role = 'secretary' then 'secretary' else 'committee' end as seat,
      to_char(greatest(p.valid_from, t.elected_on), 'YYYY-MM-DD') as "from",
      to_char(least(p.valid_to, t.next_on), 'YYYY-MM-DD') as "to"
    from t join positions p on p.tenant_id = t.tenant_id and p.term_id = t.id
    where p.role in ${list(['secretary', ...committeeSeatRoles])}
      and (t.next_on is null or p.valid_from < t.next_on)
      and (p.valid_to is null or p.valid_to > t.elected_on)
      and p.valid_from <= ${to} and (p.valid_to is null or p.valid_to > ${from})`,
    );
  // Islands of continuous membership per group (gaps and islands over the membership rows), so a
  // group's months with nobody in it can be told apart.
  const readMembers = (on: Tx) =>
    selectRows<{ orgId: string } & Interval>(
      on,
      sql`with iv as (
      select ms.group_id, ms.valid_from as f, coalesce(ms.valid_to, 'infinity'::date) as t
      from memberships ms join orgs o on o.tenant_id = ms.tenant_id and o.id = ms.group_id
      where ${orgFilter(scope)} and o.kind = 'group' and ms.standing = 'normal'
        and ms.valid_from <= ${to} and (ms.valid_to is null or ms.valid_to > ${from})),
    marked as (
      select iv.*, case when f <= max(t) over (partition by group_id order by f, t
        rows between unbounded preceding and 1 preceding) then 0 else 1 end as starts
      from iv),
    islands as (select marked.*, sum(starts) over (partition by group_id order by f, t) as island from marked)
    select group_id as "orgId", to_char(min(f), 'YYYY-MM-DD') as "from",
      case when max(t) = 'infinity'::date then null else to_char(max(t), 'YYYY-MM-DD') end as "to"
    from islands group by group_id, island`,
    );
  const readAppraisals = (on: Tx) =>
    selectRows<AppraisalFact>(
      on,
      sql`select a.id, a.org_id as "orgId", a.year, a.step,
      to_char(a.started_on, 'YYYY-MM-DD') as "startedOn",
      to_char(a.peer_review_on, 'YYYY-MM-DD') as "peerReviewOn",
      to_char(a.vote_on, 'YYYY-MM-DD') as "voteOn",
      to_char(a.verdict_on, 'YYYY-MM-DD') as "verdictOn",
      to_char(a.closed_on, 'YYYY-MM-DD') as "closedOn",
      count(e.person_id)::int as participants,
      (count(*) filter (where e.verdict = 'excellent'))::int as excellent,
      (count(*) filter (where e.leading_cadre and (e.votes_excellent is not null or e.votes_qualified is not null
        or e.votes_basically_qualified is not null or e.votes_unqualified is not null)))::int as "cadresVotedOn"
    from appraisals a join orgs o on o.tenant_id = a.tenant_id and o.id = a.org_id
    left join appraisal_entries e on e.tenant_id = a.tenant_id and e.appraisal_id = a.id
    where ${orgFilter(scope)} and a.year between ${w.firstYear} and ${w.lastYear}
    group by a.tenant_id, a.id`,
    );
  const readLifePlans = (on: Tx) =>
    selectRows<LifePlanFact>(
      on,
      sql`select p.id, p.org_id as "orgId", p.year, p.status, to_char(p.submitted_on, 'YYYY-MM-DD') as "submittedOn"
    from life_plans p join orgs o on o.tenant_id = p.tenant_id and o.id = p.org_id
    where ${orgFilter(scope)} and p.year between ${w.firstYear} and ${w.lastYear}`,
    );
  // Only the defective records come back: a record has minutes (the flag, or text entered here)
  // and a sign-in list (at least one attendance row that is not a guest's: meeting_sign_ins, kept
  // by triggers on attendance, so no attendance row is read here).
  const readRecordGaps = (on: Tx) =>
    selectRows<RecordGap>(
      on,
      sql`with h as (
      select m.tenant_id, m.id, m.org_id, m.code, m.type, m.held_on,
        (m.minutes or coalesce(btrim(m.minutes_text), '') <> '') as has_minutes
      from meetings m join orgs o on o.tenant_id = m.tenant_id and o.id = m.org_id
      where ${orgFilter(scope)} and o.kind in ('branch', 'group') and m.status in ${held}
        and m.type in ${list(recordedTypes)} and m.held_on between ${from} and ${to})
    select h.id, h.org_id as "orgId", h.code, h.type, to_char(h.held_on, 'YYYY-MM-DD') as "heldOn",
      h.has_minutes as "hasMinutes", s.meeting_id is not null as "hasSignIn"
    from h left join meeting_sign_ins s on s.tenant_id = h.tenant_id and s.meeting_id = h.id
    where not h.has_minutes or s.meeting_id is null
    order by h.held_on, h.code`,
    );

  // Independent statements: side by side on readers sharing the evaluation's snapshot, when given.
  const [rows, lectures, seats, members, appraisals, lifePlans, recordGaps] = await readAll(tx, readers, [
    readHeldMeetings,
    readLectures,
    readSeats,
    readMembers,
    readAppraisals,
    readLifePlans,
    readRecordGaps,
  ]);
  const { held: heldCounts, lifeDays } = tallyMeetings(rows, dayNumberOf(w.from));

  const secretaryLectures: LifeFacts['secretaryLectures'] = {};
  for (const r of lectures) {
    secretaryLectures[r.orgId] ??= {};
    secretaryLectures[r.orgId][r.year] = r.n;
  }

  const seatsByOrg = { secretary: {} as Record<string, Interval[]>, committee: {} as Record<string, Interval[]> };
  for (const s of seats) {
    if (s.to !== null && s.to <= s.from) continue;
    const byOrg = seatsByOrg[s.seat];
    byOrg[s.orgId] ??= [];
    byOrg[s.orgId].push({ from: s.from, to: s.to });
  }
  const merged = (byOrg: Record<string, Interval[]>) =>
    Object.fromEntries(Object.entries(byOrg).map(([orgId, list]) => [orgId, mergeIntervals(list)]));

  const groupMembers: LifeFacts['groupMembers'] = {};
  for (const m of members) {
    groupMembers[m.orgId] ??= [];
    groupMembers[m.orgId].push({ from: m.from, to: m.to });
  }

  return {
    held: heldCounts,
    secretaryLectures,
    committeeSeats: merged(seatsByOrg.committee),
    secretarySeats: merged(seatsByOrg.secretary),
    groupMembers,
    lifeDays,
    lifeDaysFrom: w.from,
    appraisals: appraisals.map((a) => ({ ...a, year: Number(a.year) })),
    lifePlans: lifePlans.map((p) => ({ ...p, year: Number(p.year) })),
    recordGaps,
  };
}
