/**
 * Scale data for the compliance benchmarks: universities with tens of thousands of members and
 * one calendar year of organizational life, generated set-based in SQL (`insert … select … from
 * generate_series`) straight into the tables, not through the import path, so a province loads in
 * minutes. Every id is `md5(key)::uuid` of a readable key (`3:b:17` = university 3, branch 17), so
 * later statements join by recomputing ids instead of carrying mapping tables, and every random
 * draw is a hash of a key: the same options give the same data.
 *
 * The shape follows the documents: university → colleges (~62 branches each) → branches (mean ~21
 * members; a few tiny, one in ten above 30 and split into groups), committees of five from seven
 * full members, a lone secretary below, three-year terms, and a year of 三会一课 at the frequencies
 * the rules ask for. A realistic share is deliberately defective (see `defects` below), so the
 * engine has findings to store, as it would in a real university.
 *
 *   npx tsx bench/generate-scale.ts --people 50000               # into DATABASE_URL (migrated)
 *   npx tsx bench/generate-scale.ts --universities 40 --people 500000
 *   npx tsx bench/generate-scale.ts --pglite --people 2000       # a quick check in memory
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/connect.ts';
import { standardSets } from '../src/domain/compliance/standard-sets.ts';

export type ScaleOptions = {
  /** People over all universities (members; a few leaders per college come on top). */
  people: number;
  universities: number;
  /** The year of organizational life generated (January 1 to December 31). */
  year: number;
  /** Standard sets every university adopts (default `benchStandardSets`). */
  standardSets?: string[];
  log?: (line: string) => void;
};

export type ScaleCounts = Record<
  | 'universities'
  | 'colleges'
  | 'branches'
  | 'groups'
  | 'people'
  | 'memberships'
  | 'terms'
  | 'positions'
  | 'meetings'
  | 'attendance'
  | 'thoughtReports'
  | 'appraisals',
  number
>;

/**
 * The defects planted on purpose, as shares of their population. Everything else is compliant,
 * so findings stay in the proportion a real university would have.
 */
export const defects = {
  /** Branches with one to three members (ORG-01). */
  tinyBranch: 0.03,
  /** Branches above 30 members that were never split into groups (ORG-05). */
  largeBranchWithoutGroups: 0.15,
  /** Terms that ended before the year began (ORG-06 breach) and that end within 80 days of year end (warning). */
  expiredTerm: 0.05,
  termEndingSoon: 0.03,
  /** Secretaries who left their seat 100–250 days before year end, never replaced (ORG-07). */
  vacantSecretary: 0.04,
  /** Teacher-branch secretaries who are not dual leaders (ORG-10). */
  notDualLeader: 0.1,
  /** Meetings that did not happen: theme days, assemblies, lectures, committee and group meetings, life meetings. */
  missedMonthly: 0.03,
  missedQuarterly: 0.02,
  missedYearly: 0.03,
  /** Secretaries who gave no Party lecture in the year (LIFE-05). */
  secretaryWithoutLecture: 0.08,
  /** Meetings recorded without minutes (LIFE-12). */
  withoutMinutes: 0.02,
  /** Absences and leaves never made up (LIFE-11). */
  absenceWithoutMakeup: 0.03,
  /** Members absent from everything from May on, with no reason (LIFE-13). */
  disengaged: 0.002,
  /** Members who transferred out mid-year and were never received anywhere (MEM-01, ORG-08). */
  transferredOutNotReceived: 0.003,
  /** Members without a thought report in the year (LIFE-14). */
  withoutThoughtReport: 0.08,
  /** Branches without a filed plan, or filed after January 31 (LIFE-10). */
  planMissing: 0.03,
  planLate: 0.04,
  /** Branches without a democratic appraisal in the year (LIFE-08). */
  appraisalMissing: 0.03,
};

/**
 * Every shipped set but `jljy-2016-five`: its LIFE-09 asks for organizational life every two weeks,
 * while this data is drawn at the 三会一课 frequencies (a theme day a month, an assembly and a
 * lecture a quarter), so under it nearly every branch-month would be a breach, which no real
 * university adopting that standard would show.
 */
export const benchStandardSets = standardSets.map((s) => s.code).filter((code) => code !== 'jljy-2016-five');

/** People of each university: equal for one, spread ×0.4…×1.6 around the mean for a province. */
export function peoplePerUniversity(people: number, universities: number): number[] {
  if (universities === 1) return [people];
  const weights = Array.from(
    { length: universities },
    (_, i) => 0.4 + (1.2 * ((i * 7919) % universities)) / universities,
  );
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.max(200, Math.round((people * w) / sum)));
}

/** Mean branch size the size distribution below gives (3 % of 1–3, 87 % of 6–29, 10 % of 31–60): about 20. */
const MEAN_BRANCH_SIZE = 0.03 * 2 + 0.87 * 17.5 + 0.1 * 45;

/** Runs the generation; the target database must be migrated and hold no bench universities yet. */
export async function generateScale(db: Db, options: ScaleOptions): Promise<ScaleCounts> {
  const log = options.log ?? (() => {});
  const y = options.year;
  if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new Error(`--year must be a year, got ${y}`);
  const yearStart = `'${y}-01-01'::date`;
  const yearEnd = `'${y}-12-31'::date`;
  const perUniversity = peoplePerUniversity(options.people, options.universities);

  const step = async (label: string, statement: string) => {
    const start = performance.now();
    let rows: number | undefined;
    // One statement per call: PGlite's extended protocol takes no multi-statement strings.
    for (const part of statement.split(/;\s*\n/)) {
      const result = (await db.execute(sql.raw(part))) as unknown as { rowCount?: number; affectedRows?: number };
      const n = result.rowCount ?? result.affectedRows;
      if (typeof n === 'number') rows = (rows ?? 0) + n;
    }
    log(
      `  ${label.padEnd(34)} ${rows === undefined || rows === null ? '' : String(rows).padStart(9)} rows ${((performance.now() - start) / 1000).toFixed(1).padStart(6)} s`,
    );
  };

  // Deterministic draws (hashtext: five times cheaper than md5, which only ids need) and ids from
  // readable keys; dropped at the end.
  await step(
    'helpers',
    `create or replace function bench_rand(key text) returns double precision language sql immutable parallel safe
       as $$ select (hashtext(key)::bigint + 2147483648) / 4294967296.0::float8 $$;
     create or replace function bench_id(key text) returns uuid language sql immutable parallel safe
       as $$ select md5(key)::uuid $$;
     drop table if exists bench_uni, bench_branch, bench_leader, bench_person, bench_meeting_plan`,
  );

  const adopted = options.standardSets ?? benchStandardSets;
  for (const code of adopted)
    if (!standardSets.some((s) => s.code === code)) throw new Error(`unknown standard set ${code}`);
  const sets = `array[${adopted.map((code) => `'${code}'`).join(', ')}]::text[]`;
  const universityRows = perUniversity
    .map((people, i) => {
      const branches = Math.max(3, Math.round(people / MEAN_BRANCH_SIZE));
      return `(${i + 1}, ${people}, ${branches}, ${Math.max(2, Math.round(branches / 62))})`;
    })
    .join(', ');
  await step(
    'universities (plan)',
    `create table bench_uni as select u, people, branches, colleges, bench_id('bench:' || u) as tenant
       from (values ${universityRows}) v(u, people, branches, colleges)`,
  );
  if (options.universities > 1)
    await step(
      'oversight body',
      `insert into oversight_bodies (id, code, name) values (bench_id('bench:oversight'), 'bench-province', '基准省委教育工委')`,
    );
  await step(
    'tenants',
    `insert into tenants (id, code, name, oversight_body_id, standard_sets)
       select tenant, 'bench-' || u, '基准大学' || u,
         ${options.universities > 1 ? `bench_id('bench:oversight')` : 'null'}, ${sets}
       from bench_uni`,
  );
  await step(
    'semesters, headcounts',
    `insert into semesters (tenant_id, code, starts_on, ends_on)
       select tenant, s.code, s.starts_on::date, s.ends_on::date from bench_uni, (values
         ('${y - 1}-2', '${y - 1}-09-01', '${y}-01-16'), ('${y}-1', '${y}-02-24', '${y}-07-10'),
         ('${y}-2', '${y}-09-01', '${y + 1}-01-16')) s(code, starts_on, ends_on);
     insert into headcounts (tenant_id, year, staff, students)
       select tenant, ${y}, people, people * 6 from bench_uni`,
  );

  // Branches: college, category, size (the distribution of MEAN_BRANCH_SIZE), groups, committee.
  await step(
    'branches (plan)',
    `create table bench_branch as
     with drawn as (
       select u, tenant, colleges, b, bench_rand(u || ':b:' || b || ':size') as rs,
         bench_rand(u || ':b:' || b || ':size2') as rs2, bench_rand(u || ':b:' || b || ':cat') as rc
       from bench_uni, generate_series(1, branches) b
     ), sized as (
       select *, case when rs < ${defects.tinyBranch} then 1 + floor(rs2 * 3)::int
         when rs < 0.90 then 6 + floor(rs2 * 24)::int else 31 + floor(rs2 * 30)::int end as size
       from drawn
     )
     select u, tenant, b, 1 + (b - 1) % colleges as college,
       case when rc < 0.30 then 'teacher' when rc < 0.85 then 'student' when rc < 0.93 then 'office'
         when rc < 0.97 then 'service' else 'retired' end as category,
       size, (sum(size) over (partition by u order by b) - size)::int as first_person,
       case when size > 30 and bench_rand(u || ':b:' || b || ':nogroups') >= ${defects.largeBranchWithoutGroups}
         then ceil(size / 12.0)::int else 0 end as groups,
       size >= 7 as committee
     from sized;
     create index on bench_branch (u, b)`,
  );
  // Five leaders per college and seven for the university committee: leading cadres who belong to a branch of theirs.
  await step(
    'leaders (plan)',
    `create table bench_leader as
     with last_person as (select u, sum(size)::int as n from bench_branch group by u)
     select l.u, l.tenant, l.college, l.seat, lp.n + row_number() over (partition by l.u order by l.college, l.seat) as n,
       (select min(b) from bench_branch bb where bb.u = l.u and bb.college = greatest(l.college, 1)) as branch
     from (select u, tenant, c as college, seat from bench_uni, generate_series(0, colleges) c,
             generate_series(1, 7) seat where c = 0 or seat <= 5) l
     join last_person lp on lp.u = l.u`,
  );

  await step(
    'orgs: roots',
    `insert into orgs (tenant_id, id, code, kind, name, parent_id, path, depth, valid_from)
       select tenant, tenant, 'bench-' || u, 'university', '基准大学' || u, null, '/' || tenant || '/', 0, '2000-01-01'
       from bench_uni`,
  );
  await step(
    'orgs: colleges',
    `insert into orgs (tenant_id, id, code, kind, subkind, name, parent_id, path, depth, valid_from)
       select tenant, bench_id(u || ':c:' || c), 'c-' || c, 'college',
         case when c % 10 = 0 then 'officeCommittee' when c % 7 = 0 then 'generalBranch' else 'collegeCommittee' end,
         '第' || c || '学院党委', tenant, '/' || tenant || '/' || bench_id(u || ':c:' || c) || '/', 1, '2000-01-01'
       from bench_uni, generate_series(1, colleges) c`,
  );
  await step(
    'orgs: branches',
    `insert into orgs (tenant_id, id, code, kind, branch_category, name, parent_id, path, depth, valid_from)
       select tenant, bench_id(u || ':b:' || b), 'b-' || b, 'branch', category, '第' || b || '党支部',
         bench_id(u || ':c:' || college),
         '/' || tenant || '/' || bench_id(u || ':c:' || college) || '/' || bench_id(u || ':b:' || b) || '/', 2, '2005-01-01'
       from bench_branch`,
  );
  await step(
    'orgs: groups',
    `insert into orgs (tenant_id, id, code, kind, name, parent_id, path, depth, valid_from)
       select tenant, bench_id(u || ':g:' || b || ':' || g), 'b-' || b || '-g' || g, 'group', '第' || b || '党支部第' || g || '党小组',
         bench_id(u || ':b:' || b),
         '/' || tenant || '/' || bench_id(u || ':c:' || college) || '/' || bench_id(u || ':b:' || b) || '/'
           || bench_id(u || ':g:' || b || ':' || g) || '/', 3, '2015-01-01'
       from bench_branch, generate_series(1, groups) g`,
  );
  await step(
    'org history',
    `insert into org_history (tenant_id, org_id, change, name, parent_id, kind, subkind, branch_category, valid_from)
       select o.tenant_id, o.id, 'create', o.name, o.parent_id, o.kind, o.subkind, o.branch_category, o.valid_from
       from orgs o join bench_uni u on u.tenant = o.tenant_id`,
  );

  // People and their one membership each: person n of branch b is first_person + k.
  await step(
    'people (plan)',
    `create table bench_person as
     select b.u, b.tenant, b.b, b.first_person + k as n, k, b.category, b.groups, b.size, false as leader
       from bench_branch b, generate_series(1, b.size) k
     union all
     select l.u, l.tenant, l.branch, l.n::int, 100 + l.seat, b.category, b.groups, b.size, true
       from bench_leader l join bench_branch b on b.u = l.u and b.b = l.branch`,
  );
  const surnames = `'{张,王,李,赵,刘,陈,杨,黄,周,吴,徐,孙,胡,朱,高,林,何,郭,马,罗}'::text[]`;
  const given = `'{伟,芳,娜,敏,静,磊,洋,艳,勇,军,杰,涛,明,超,霞,平,刚,桂英,建华,晓东,思远,雨桐,子涵,浩然}'::text[]`;
  await step(
    'people',
    `insert into people (tenant_id, id, code, name, gender, birth_date, person_category, leading_cadre)
       select tenant, bench_id(u || ':p:' || n), 'p' || n,
         (${surnames})[1 + n % 20] || (${given})[1 + (n / 20) % 24],
         case when n % 2 = 0 then 'male' else 'female' end,
         case when category = 'student' then '2002-01-01'::date + (n % 1800) else '1965-01-01'::date + (n % 9000) end,
         case category when 'student' then 'student' when 'retired' then 'retired' else 'staff' end, leader
       from bench_person`,
  );
  // Most joined years ago; students are often probationary; 3 % joined or moved in during the year;
  // a few transferred out mid-year and were never received.
  await step(
    'memberships',
    `insert into memberships (tenant_id, id, person_id, status, standing, joined_on, confirmed_on, org_id, group_id,
         valid_from, valid_to)
       select tenant, bench_id(u || ':ms:' || n), bench_id(u || ':p:' || n),
         case when probationary then 'probationary' else 'full' end,
         case when bench_rand(u || ':p:' || n || ':standing') < 0.003 then 'suspended' else 'normal' end,
         joined, case when probationary then null else joined + 365 end,
         bench_id(u || ':b:' || b),
         case when groups > 0 then bench_id(u || ':g:' || b || ':' || (1 + (k - 1) % groups)) end,
         case when moved_in then ${yearStart} + floor(bench_rand(u || ':p:' || n || ':in') * 300)::int
           else joined end,
         case when moved_out then ${yearStart} + floor(bench_rand(u || ':p:' || n || ':out') * 330)::int end
       from (select *, not leader and k > 5 and category = 'student' and bench_rand(u || ':p:' || n || ':prob') < 0.12 as probationary,
               not leader and k > 5 and bench_rand(u || ':p:' || n || ':movedin') < 0.03 as moved_in,
               not leader and k > 5 and bench_rand(u || ':p:' || n || ':movedout') < ${defects.transferredOutNotReceived} as moved_out
             from bench_person) p,
         lateral (select case when probationary then ${yearStart} - 1 - floor(bench_rand(u || ':p:' || n || ':j') * 300)::int
           else '1990-01-01'::date + floor(bench_rand(u || ':p:' || n || ':j') * 11000)::int end as joined) j`,
  );

  // One term per org (branches, colleges, the university, groups), elected before the year began.
  await step(
    'terms',
    `insert into terms (tenant_id, id, org_id, elected_on, ends_on)
       select tenant, bench_id(key || ':term'), org_id, elected, (elected + make_interval(years => years))::date - 1
       from (
         select tenant, u || ':b:' || b as key, bench_id(u || ':b:' || b) as org_id, 3 as years,
           case when r < ${defects.expiredTerm} then ${yearStart} - 1096 - floor(r2 * 300)::int
             when r < ${defects.expiredTerm + defects.termEndingSoon}
               then (${yearEnd} + 1 + floor(r2 * 80)::int - interval '3 years')::date
             else ${yearStart} - 1 - floor(r2 * 700)::int end as elected
         from (select *, bench_rand(u || ':b:' || b || ':term') as r, bench_rand(u || ':b:' || b || ':term2') as r2
               from bench_branch) b
         union all
         select tenant, u || ':c:' || c, bench_id(u || ':c:' || c), 5,
           ${yearStart} - 1 - floor(bench_rand(u || ':c:' || c || ':term') * 1500)::int
         from bench_uni, generate_series(1, colleges) c
         union all
         select tenant, 'root:' || u, tenant, 5, ${yearStart} - 1 - floor(bench_rand(u || ':root:term') * 1500)::int
         from bench_uni
         union all
         select tenant, u || ':g:' || b || ':' || g, bench_id(u || ':g:' || b || ':' || g), 3,
           ${yearStart} - 1 - floor(bench_rand(u || ':g:' || b || ':' || g || ':term') * 700)::int
         from bench_branch, generate_series(1, groups) g
       ) t`,
  );
  // Seats: a committee of five from seven members, a lone secretary below; members 1…5 of the
  // branch hold them. Some secretaries left and were never replaced; teacher secretaries are mostly dual leaders.
  await step(
    'positions',
    `insert into positions (tenant_id, id, term_id, role, person_id, valid_from, valid_to, dual_leader)
       select s.tenant, bench_id(s.term_key || ':seat:' || s.seat), bench_id(s.term_key || ':term'), s.role,
         bench_id(s.u || ':p:' || s.n), t.elected_on,
         case when s.role = 'secretary' and s.vacant then ${yearEnd} - 100 - floor(bench_rand(s.term_key || ':vacant') * 150)::int end,
         s.role = 'secretary' and s.category = 'teacher' and bench_rand(s.term_key || ':dual') >= ${defects.notDualLeader}
       from (
         select b.tenant, b.u, b.category, b.u || ':b:' || b.b as term_key, r.seat, r.role, b.first_person + r.seat as n,
           bench_rand(b.u || ':b:' || b.b || ':vacant') < ${defects.vacantSecretary} as vacant
         from bench_branch b
         join (values (1, 'secretary'), (2, 'deputySecretary'), (3, 'organizationMember'), (4, 'propagandaMember'),
                      (5, 'disciplineMember')) r(seat, role) on r.seat = 1 or b.committee
         union all
         select l.tenant, l.u, 'office', case when l.college = 0 then 'root:' || l.u else l.u || ':c:' || l.college end,
           l.seat, case l.seat when 1 then 'secretary' when 2 then 'deputySecretary' else 'member' end, l.n, false
         from bench_leader l
         union all
         select b.tenant, b.u, b.category, b.u || ':g:' || b.b || ':' || g, 1, 'groupLeader', b.first_person + g + 5 * b.groups, false
         from bench_branch b, generate_series(1, b.groups) g
       ) s
       join terms t on t.tenant_id = s.tenant and t.id = bench_id(s.term_key || ':term')`,
  );

  // The year's meetings: what each org should hold, minus the share planted as missing.
  await step(
    'meetings (plan)',
    `create table bench_meeting_plan as
     select tenant, u, org_key, org_id, type, seq, audience, lecturer_n,
       make_date(${y}, month, 1) + least(day - 1, extract(day from (make_date(${y}, month, 1) + interval '1 month' - interval '1 day'))::int - 1) as held_on
     from (
       select b.tenant, b.u, b.u || ':b:' || b.b as org_key, bench_id(b.u || ':b:' || b.b) as org_id, x.type, x.seq, x.audience,
         x.month, 3 + floor(bench_rand(b.u || ':b:' || b.b || x.type || x.seq || ':day') * 24)::int as day, x.missed,
         case when x.type = 'partyLecture' then
           case when x.seq = 2 and bench_rand(b.u || ':b:' || b.b || ':nolecture') >= ${defects.secretaryWithoutLecture}
             then b.first_person + 1 else b.first_person + 1 + (1 + x.seq) % b.size end end as lecturer_n
       from bench_branch b
       cross join lateral (
         select 'themeDay' as type, m as seq, 'branch' as audience, m as month, ${defects.missedMonthly} as missed from generate_series(1, 12) m
         union all select 'committeeMeeting', m, 'committee', m, ${defects.missedMonthly} from generate_series(1, 12) m where b.committee
         union all select 'generalAssembly', q, 'branch', 3 * q - 2 + floor(bench_rand(b.u || ':b:' || b.b || ':ga' || q) * 3)::int,
           ${defects.missedQuarterly} from generate_series(1, 4) q
         union all select 'partyLecture', q, 'branch', 3 * q - 2 + floor(bench_rand(b.u || ':b:' || b.b || ':pl' || q) * 3)::int,
           ${defects.missedQuarterly} from generate_series(1, 4) q
         union all select 'lifeMeeting', 1, 'branch', 12, ${defects.missedYearly}
       ) x
       union all
       select b.tenant, b.u, b.u || ':g:' || b.b || ':' || g, bench_id(b.u || ':g:' || b.b || ':' || g), 'groupMeeting', m, 'group', m,
         3 + floor(bench_rand(b.u || ':g:' || b.b || ':' || g || ':' || m) * 24)::int, ${defects.missedMonthly}, null
       from bench_branch b, generate_series(1, b.groups) g, generate_series(1, 12) m
       union all
       select tenant, u, org_key, org_id, x.type, x.seq, 'leadership', x.month, 10 + x.seq % 15, 0, null
       from (select tenant, u, u || ':c:' || c as org_key, bench_id(u || ':c:' || c) as org_id
             from bench_uni, generate_series(1, colleges) c
             union all select tenant, u, 'root:' || u, tenant from bench_uni) o
       cross join lateral (
         select 'studyGroupSession' as type, m as seq, m as month from generate_series(1, 12) m
         union all select 'partyAffairsMeeting', h, 6 * h - 1 from generate_series(1, 2) h
         union all select 'leadershipLifeMeeting', 1, 12
       ) x
     ) p
     where bench_rand(org_key || ':' || type || ':' || seq || ':missed') >= missed`,
  );
  await step(
    'meetings',
    `insert into meetings (tenant_id, id, code, org_id, type, held_on, start_time, end_time, title, lecturer_id,
         place, audience, status, minutes)
       select tenant, bench_id(org_key || ':' || type || ':' || seq), 'm-' || substr(md5(org_key || ':' || type || ':' || seq), 1, 16),
         org_id, type, held_on, '19:00', '20:30',
         case type when 'themeDay' then '主题党日：' || extract(month from held_on) || '月'
           when 'generalAssembly' then '支部党员大会' when 'committeeMeeting' then '支委会'
           when 'groupMeeting' then '党小组会' when 'partyLecture' then '党课' when 'lifeMeeting' then '组织生活会'
           when 'studyGroupSession' then '理论学习中心组学习' when 'partyAffairsMeeting' then '综合性议党会议'
           else '领导班子民主生活会' end,
         case when lecturer_n is not null then bench_id(u || ':p:' || lecturer_n) end,
         '党员活动室', audience, 'recorded',
         bench_rand(org_key || ':' || type || ':' || seq || ':minutes') >= ${defects.withoutMinutes}
       from bench_meeting_plan`,
  );

  // Attendance of every expected attendee (who belonged in normal standing, or held a seat, on the
  // day — the rule of `expectedAttendeesQuery`): mostly present.
  // One draw per row decides the status; a second one whether an absence was made up.
  const attendanceInsert = (label: string, expected: string) =>
    step(
      label,
      `insert into attendance (tenant_id, meeting_id, person_id, status, reason, makeup_on, makeup_content)
       select tenant_id, meeting_id, person_id, status,
         case when status = 'leave' then '出差' end,
         case when made_up then held_on + 3 + floor(r * 400)::int % 20 end,
         case when made_up then '补学会议内容' end
       from (
         select *, status in ('absent', 'leave') and not disengaged
           and bench_rand(meeting_id::text || person_id::text || ':makeup') >= ${defects.absenceWithoutMakeup} as made_up
         from (
           select *, case when disengaged and held_on >= '${y}-05-01' then 'absent'
             when r < 0.88 then 'present' when r < 0.91 then 'late' when r < 0.96 then 'leave' else 'absent' end as status
           from (
             select m.tenant_id, m.id as meeting_id, e.person_id, m.held_on,
               bench_rand(m.id::text || e.person_id::text) as r,
               bench_rand(e.person_id::text || ':disengaged') < ${defects.disengaged} as disengaged
             from meetings m join bench_uni u on u.tenant = m.tenant_id
             ${expected}
           ) e
         ) s
       ) a`,
    );
  // The rows are consistent by construction: skip the per-row foreign-key triggers of the bulk
  // load, and build the indexes once at the end instead of row by row (random uuid keys).
  await step('analyze', 'analyze');
  const indexes = (
    (await db.execute(
      sql`select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition,
          c.conname as constraint, pg_get_constraintdef(c.oid) as "constraintDefinition"
        from pg_index i left join pg_constraint c on c.conindid = i.indexrelid and c.conrelid = i.indrelid
        where i.indrelid = 'attendance'::regclass`,
    )) as unknown as {
      rows: { name: string; definition: string; constraint: string | null; constraintDefinition: string | null }[];
    }
  ).rows;
  await step(
    'attendance: triggers, indexes off',
    [
      'alter table attendance disable trigger all',
      ...indexes.map((i) =>
        i.constraint ? `alter table attendance drop constraint "${i.constraint}"` : `drop index ${i.name}`,
      ),
    ].join(';\n'),
  );
  await attendanceInsert(
    'attendance: branch meetings',
    `join memberships e on e.tenant_id = m.tenant_id and e.org_id = m.org_id and e.standing = 'normal'
       and e.valid_from <= m.held_on and (e.valid_to is null or e.valid_to > m.held_on)
     where m.audience = 'branch'`,
  );
  await attendanceInsert(
    'attendance: group meetings',
    `join memberships e on e.tenant_id = m.tenant_id and e.group_id = m.org_id and e.standing = 'normal'
       and e.valid_from <= m.held_on and (e.valid_to is null or e.valid_to > m.held_on)
     where m.audience = 'group'`,
  );
  await attendanceInsert(
    'attendance: committees, leadership',
    `join terms t on t.tenant_id = m.tenant_id and t.org_id = m.org_id and t.elected_on <= m.held_on
     join positions e on e.tenant_id = t.tenant_id and e.term_id = t.id
       and e.valid_from <= m.held_on and (e.valid_to is null or e.valid_to > m.held_on)
     where m.audience in ('committee', 'leadership')
       and not exists (select 1 from memberships ms where ms.tenant_id = e.tenant_id and ms.person_id = e.person_id
         and ms.standing <> 'normal' and ms.valid_from <= m.held_on and (ms.valid_to is null or ms.valid_to > m.held_on))`,
  );

  await step(
    'attendance: indexes, triggers on',
    [
      ...indexes.map((i) =>
        i.constraint
          ? `alter table attendance add constraint "${i.constraint}" ${i.constraintDefinition}`
          : i.definition,
      ),
      'alter table attendance enable trigger all',
    ].join(';\n'),
  );
  // The triggers were off for the load: fill what they keep (attendance_last_days,
  // meeting_sign_ins) once.
  await step(
    'attendance: last days per person',
    `select attendance_last_days_refresh(array_agg(x.tenant_id), array_agg(x.person_id))
       from (select distinct tenant_id, person_id from attendance) x`,
  );
  await step(
    'attendance: meetings signed in',
    `insert into meeting_sign_ins (tenant_id, meeting_id)
       select distinct tenant_id, meeting_id from attendance where not guest on conflict do nothing`,
  );

  // One thought report per member and year (a few missing); a plan and an appraisal per branch.
  await step(
    'thought reports',
    `insert into thought_reports (tenant_id, id, person_id, org_id, submitted_on, title, content)
       select p.tenant, bench_id(p.u || ':report:' || p.n), bench_id(p.u || ':p:' || p.n), bench_id(p.u || ':b:' || p.b),
         ${yearStart} + 30 + floor(bench_rand(p.u || ':report:' || p.n) * 300)::int, '思想汇报', '本年度思想和工作情况汇报'
       from bench_person p
       where bench_rand(p.u || ':p:' || p.n || ':noreport') >= ${defects.withoutThoughtReport}`,
  );
  await step(
    'life plans',
    `insert into life_plans (tenant_id, id, org_id, year, status, submitted_on)
       select tenant, bench_id(u || ':b:' || b || ':plan'), bench_id(u || ':b:' || b), ${y}, 'approved',
         case when r < ${defects.planMissing + defects.planLate} then '${y}-02-20'::date else '${y}-01-15'::date end
       from (select *, bench_rand(u || ':b:' || b || ':plan') as r from bench_branch) b
       where r >= ${defects.planMissing}`,
  );
  await step(
    'appraisals',
    `insert into appraisals (tenant_id, id, org_id, year, step, started_on, peer_review_on, vote_on, verdict_on, closed_on, voters)
       select tenant, bench_id(u || ':b:' || b || ':appraisal'), bench_id(u || ':b:' || b), ${y}, 'closed',
         '${y}-11-20', '${y}-11-27', '${y}-12-04', '${y}-12-11', '${y}-12-12', size
       from bench_branch where bench_rand(u || ':b:' || b || ':appraisal') >= ${defects.appraisalMissing}`,
  );
  await step(
    'appraisal entries',
    `insert into appraisal_entries (tenant_id, appraisal_id, person_id, leading_cadre, self_assessment, self_assessed_on,
         peer_review_done, votes_excellent, votes_qualified, votes_basically_qualified, votes_unqualified, verdict)
       select a.tenant_id, a.id, ms.person_id, p.leading_cadre, '自我评价', '${y}-11-24', true,
         case when p.leading_cadre then null else a.voters / 3 end,
         case when p.leading_cadre then null else a.voters - a.voters / 3 end,
         case when p.leading_cadre then null else 0 end, case when p.leading_cadre then null else 0 end,
         case when bench_rand(ms.person_id::text || ':verdict') < 0.2 then 'excellent' else 'qualified' end
       from appraisals a join bench_uni u on u.tenant = a.tenant_id
       join memberships ms on ms.tenant_id = a.tenant_id and ms.org_id = a.org_id and ms.standing = 'normal'
         and ms.valid_from <= a.started_on and (ms.valid_to is null or ms.valid_to > a.started_on)
       join people p on p.tenant_id = ms.tenant_id and p.id = ms.person_id`,
  );

  await step(
    'clean up plans',
    `drop table bench_uni, bench_branch, bench_leader, bench_person, bench_meeting_plan;
     drop function bench_rand(text), bench_id(text)`,
  );
  await step('analyze', 'analyze');
  return countScale(db);
}

/** What the database holds, for the bench's header and the generator's check. */
export async function countScale(db: Db): Promise<ScaleCounts> {
  const result = (await db.execute(sql`select
      (select count(*) from tenants)::int as universities,
      (select count(*) from orgs where kind = 'college')::int as colleges,
      (select count(*) from orgs where kind = 'branch')::int as branches,
      (select count(*) from orgs where kind = 'group')::int as groups,
      (select count(*) from people)::int as people,
      (select count(*) from memberships)::int as memberships,
      (select count(*) from terms)::int as terms,
      (select count(*) from positions)::int as positions,
      (select count(*) from meetings)::int as meetings,
      (select count(*) from attendance)::int as attendance,
      (select count(*) from thought_reports)::int as "thoughtReports",
      (select count(*) from appraisals)::int as appraisals`)) as unknown as { rows: ScaleCounts[] };
  return result.rows[0];
}

async function main() {
  const { values } = parseArgs({
    options: {
      people: { type: 'string', default: '50000' },
      universities: { type: 'string', default: '1' },
      year: { type: 'string', default: '2025' },
      pglite: { type: 'boolean', default: false },
    },
  });
  const { connect } = await import('../src/db/connect.ts');
  const databaseUrl = values.pglite ? undefined : process.env.DATABASE_URL;
  if (!values.pglite && !databaseUrl)
    throw new Error('set DATABASE_URL to an empty scratch database, or pass --pglite');
  const database = await connect({ databaseUrl });
  await database.migrate();
  const start = performance.now();
  const counts = await generateScale(database.db, {
    people: Number(values.people),
    universities: Number(values.universities),
    year: Number(values.year),
    log: console.log,
  });
  console.log(`generated in ${((performance.now() - start) / 1000).toFixed(1)} s:`, counts);
  await database.close();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
