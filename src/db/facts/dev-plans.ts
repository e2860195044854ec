/**
 * Facts for the college-level DEV rules (see `DevPlanFacts`): the college-level organizations of the
 * scope with their pool analyses, plans and admissions per year, student members per university,
 * staff activists with their secretaries in contact, and the secretaries on asOf — seven set-based
 * statements whatever the size of the scope.
 */
import { type SQL, sql } from 'drizzle-orm';
import type {
  DevAdmission,
  DevCollegeSecretaries,
  DevCollegeYear,
  DevPlanFacts,
  DevPlanLine,
  DevStaffActivist,
} from '../../domain/rules/dev-college-facts.ts';
import { selectRows } from '../../modules/orgs/select-rows.ts';
import type { Tx } from '../connect.ts';
import { collegeLevelSql } from './funds.ts';
import { type FactScope, orgFilter, validOnSql } from './scope.ts';

/** The college-level org above (or equal to) an org: the second id of its path. */
export const collegeOfPathSql = (alias: string): SQL =>
  sql`nullif(split_part(${sql.raw(alias)}.path, '/', 3), '')::uuid`;

/** A vote that carried: more “yes” than half of the members who should attend (DEV-08), or a record without numbers. */
const carriedSql = (e: string): SQL => {
  const a = sql.raw(e);
  return sql`(${a}.data -> 'vote' is null or (
    (${a}.data #>> '{vote,yes}') ~ '^[0-9]+$' and (${a}.data #>> '{vote,expected}') ~ '^[0-9]+$'
    and (${a}.data #>> '{vote,yes}')::int * 2 > (${a}.data #>> '{vote,expected}')::int))`;
};

/**
 * Admissions of the cases whose branch matches `where` (on alias `o`) between two days: the first
 * carried admission vote (else the first approval), unless a `notAdmitted` step followed it.
 */
export function admissionsSql(where: SQL, from: string, to: string): SQL {
  return sql`with c as (
      select dc.tenant_id, dc.id, dc.person_id, dc.org_id, ${collegeOfPathSql('o')} as college_id,
        case when p.person_category = 'student' then 'student' else 'staff' end as category,
        coalesce(
          (select min(e.on) from dev_events e where e.tenant_id = dc.tenant_id and e.case_id = dc.id
            and e.step = 'admissionVote' and ${carriedSql('e')}),
          (select min(e.on) from dev_events e where e.tenant_id = dc.tenant_id and e.case_id = dc.id
            and e.step = 'approval')) as admitted_on
      from dev_cases dc
      join orgs o on o.tenant_id = dc.tenant_id and o.id = dc.org_id
      join people p on p.tenant_id = dc.tenant_id and p.id = dc.person_id
      where ${where}
    )
    select c.id as "caseId", c.person_id as "personId", c.org_id as "branchId", c.college_id as "collegeId",
      c.category, to_char(c.admitted_on, 'YYYY-MM-DD') as "on"
    from c
    where c.admitted_on between ${from}::date and ${to}::date
      and not exists (select 1 from dev_events n where n.tenant_id = c.tenant_id and n.case_id = c.id
        and n.step = 'notAdmitted' and n.on >= c.admitted_on)
    order by c.admitted_on, c.id`;
}

export type AdmissionRow = DevAdmission & { collegeId: string };

export async function loadDevPlanFacts(tx: Tx, scope: FactScope): Promise<DevPlanFacts> {
  const fromYear = Number(scope.from.slice(0, 4));
  const toYear = Number(scope.to.slice(0, 4));
  const firstDay = `${fromYear}-01-01`;
  const lastDay = `${toYear}-12-31`;
  const tenants = sql`${sql.param(scope.tenantIds)}::uuid[]`;

  const colleges = await selectRows<DevPlanFacts['colleges'][number]>(
    tx,
    sql`select o.id as "orgId", o.tenant_id as "tenantId", to_char(o.valid_from, 'YYYY-MM-DD') as "validFrom",
        to_char(o.valid_to, 'YYYY-MM-DD') as "validTo"
      from orgs o where ${orgFilter(scope)} and ${collegeLevelSql('o')} order by o.path`,
  );
  const studentMembers = await selectRows<DevPlanFacts['studentMembers'][number]>(
    tx,
    sql`select m.tenant_id as "tenantId", count(distinct m.person_id)::int as count
      from memberships m join people p on p.tenant_id = m.tenant_id and p.id = m.person_id
      where m.tenant_id = any(${tenants}) and m.standing = 'normal' and p.person_category = 'student'
        and ${validOnSql('m', scope.asOf)}
      group by m.tenant_id`,
  );
  if (colleges.length === 0) return { colleges, years: [], studentMembers, staffActivists: [], secretaries: [] };

  const analyses = await selectRows<{ orgId: string; year: number; id: string; heldOn: string }>(
    tx,
    sql`select a.org_id as "orgId", a.year, a.id, to_char(a.held_on, 'YYYY-MM-DD') as "heldOn"
      from dev_pool_analyses a join orgs o on o.tenant_id = a.tenant_id and o.id = a.org_id
      where ${orgFilter(scope)} and a.year between ${fromYear} and ${toYear}
      order by a.held_on`,
  );
  const plans = await selectRows<{ orgId: string; year: number; id: string; lines: DevPlanLine[] }>(
    tx,
    sql`select dp.org_id as "orgId", dp.year, dp.id,
        coalesce((select json_agg(json_build_object('orgId', l.org_id, 'category', l.category, 'quota', l.quota)
          order by l.org_id, l.category) from dev_plan_lines l where l.tenant_id = dp.tenant_id and l.plan_id = dp.id),
          '[]'::json) as lines
      from dev_plans dp join orgs o on o.tenant_id = dp.tenant_id and o.id = dp.org_id
      where ${orgFilter(scope)} and dp.year between ${fromYear} and ${toYear}`,
  );
  const admissions = await selectRows<AdmissionRow>(tx, admissionsSql(orgFilter(scope), firstDay, lastDay));

  const yearKey = (orgId: string, year: number) => `${orgId}|${year}`;
  const years = new Map<string, DevCollegeYear>();
  for (const c of colleges) {
    const from = Math.max(fromYear, Number(c.validFrom.slice(0, 4)));
    const to = Math.min(toYear, c.validTo ? Number(c.validTo.slice(0, 4)) : toYear);
    for (let year = from; year <= to; year++)
      years.set(yearKey(c.orgId, year), { orgId: c.orgId, year, analyses: [], plan: null, admissions: [] });
  }
  for (const a of analyses) years.get(yearKey(a.orgId, a.year))?.analyses.push({ id: a.id, heldOn: a.heldOn });
  for (const p of plans) {
    const y = years.get(yearKey(p.orgId, p.year));
    if (y) y.plan = { id: p.id, lines: p.lines };
  }
  for (const { collegeId, ...a } of admissions)
    years.get(yearKey(collegeId, Number(a.on.slice(0, 4))))?.admissions.push(a);

  const staffActivists = await selectRows<DevStaffActivist>(
    tx,
    sql`select dc.id as "caseId", p.id as "personId", p.name as "personName", p.code as "personCode",
        to_char(p.birth_date, 'YYYY-MM-DD') as "birthDate", ${collegeOfPathSql('o')} as "collegeId",
        dc.org_id as "branchId", dc.stage,
        (select to_char(min(e.on), 'YYYY-MM-DD') from dev_events e
          where e.tenant_id = dc.tenant_id and e.case_id = dc.id and e.step = 'activist') as "activistOn",
        coalesce((select array_agg(distinct k.secretary_id) from dev_contacts k
          where k.tenant_id = dc.tenant_id and k.case_id = dc.id and k.from_on <= ${scope.asOf}::date
            and (k.to_on is null or k.to_on >= ${scope.asOf}::date)), '{}'::uuid[]) as "contactSecretaryIds"
      from dev_cases dc
      join orgs o on o.tenant_id = dc.tenant_id and o.id = dc.org_id
      join people p on p.tenant_id = dc.tenant_id and p.id = dc.person_id
      where ${orgFilter(scope)} and dc.stage in ('activist', 'candidate') and p.person_category = 'staff'
      order by p.code`,
  );
  const seats = await selectRows<{
    collegeId: string;
    collegeLevel: boolean;
    teacherBranch: boolean;
    personId: string;
  }>(
    tx,
    sql`select ${collegeOfPathSql('o')} as "collegeId", ${collegeLevelSql('o')} as "collegeLevel",
        (o.kind = 'branch' and o.branch_category = 'teacher') as "teacherBranch", p.person_id as "personId"
      from positions p
      join terms t on t.tenant_id = p.tenant_id and t.id = p.term_id
      join orgs o on o.tenant_id = t.tenant_id and o.id = t.org_id
      where ${orgFilter(scope)} and p.role = 'secretary' and ${validOnSql('p', scope.asOf)}
        and (${collegeLevelSql('o')} or (o.kind = 'branch' and o.branch_category = 'teacher'))`,
  );
  const secretaries = new Map<string, DevCollegeSecretaries>();
  for (const s of seats) {
    let entry = secretaries.get(s.collegeId);
    if (!entry) {
      entry = { collegeId: s.collegeId, collegeSecretaryIds: [], teacherBranchSecretaryIds: [] };
      secretaries.set(s.collegeId, entry);
    }
    if (s.collegeLevel) entry.collegeSecretaryIds.push(s.personId);
    if (s.teacherBranch) entry.teacherBranchSecretaryIds.push(s.personId);
  }
  return {
    colleges,
    years: [...years.values()],
    studentMembers,
    staffActivists,
    secretaries: [...secretaries.values()],
  };
}
