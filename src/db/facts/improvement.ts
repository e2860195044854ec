/**
 * Facts for the improvement rules (see `ImprovementFacts`): the rectification items, surveys and
 * reorganizations of the scope, and for each live branch on asOf what could make it weak — its
 * full members and committee, its last organizational life and its latest rating.
 */
import { sql } from 'drizzle-orm';
import type { ImprovementFacts } from '../../domain/rules/improvement-facts.ts';
import { selectRows } from '../../modules/orgs/select-rows.ts';
import type { Tx } from '../connect.ts';
import { type FactScope, orgFilter, validOnSql } from './scope.ts';

/** What members attend as their organizational life (as LIFE-09 counts it); committee meetings are not. */
const lifeTypes = ['generalAssembly', 'groupMeeting', 'partyLecture', 'themeDay', 'lifeMeeting'];
const committeeMemberRoles = ['organizationMember', 'propagandaMember', 'disciplineMember', 'member'];

const list = (values: string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

export async function loadImprovementFacts(tx: Tx, scope: FactScope): Promise<ImprovementFacts> {
  const asOf = scope.asOf;
  const asOfYear = Number(asOf.slice(0, 4));
  const fromYear = Math.min(Number(scope.from.slice(0, 4)), asOfYear - 1);
  const toYear = Math.max(Number(scope.to.slice(0, 4)), asOfYear);

  const rectifications = await selectRows<ImprovementFacts['rectifications'][number]>(
    tx,
    sql`select r.id, r.org_id as "orgId", r.year, r.problem, r.status, to_char(r.deadline, 'YYYY-MM-DD') as deadline,
        (btrim(r.owner_name) <> '' and btrim(r.measures) <> '' and coalesce(btrim(r.evidence), '') <> '') as complete
      from rectifications r join orgs o on o.tenant_id = r.tenant_id and o.id = r.org_id
      where ${orgFilter(scope)} and (r.year between ${fromYear} and ${toYear} or r.status = 'open')
      order by r.org_id, r.year, r.deadline, r.id`,
  );
  const surveys = await selectRows<ImprovementFacts['surveys'][number]>(
    tx,
    sql`select s.id, s.org_id as "orgId", s.year, to_char(s.surveyed_on, 'YYYY-MM-DD') as "surveyedOn", s.weak
      from surveys s join orgs o on o.tenant_id = s.tenant_id and o.id = s.org_id
      where ${orgFilter(scope)} and s.year between ${fromYear} and ${toYear}`,
  );
  const reorganizations = await selectRows<ImprovementFacts['reorganizations'][number]>(
    tx,
    sql`select g.id, g.org_id as "orgId", g.status, to_char(g.started_on, 'YYYY-MM-DD') as "startedOn",
        to_char(g.ends_on, 'YYYY-MM-DD') as "endsOn"
      from reorganizations g join orgs o on o.tenant_id = g.tenant_id and o.id = g.org_id
      where ${orgFilter(scope)} and g.started_on <= ${asOf}::date`,
  );

  // The latest final rating (分类定级) of this year or last: a lagging one makes the branch weak.
  const rating = sql`(select json_build_object('year', r.year, 'grade', r.grade) from ratings r
    where r.tenant_id = o.tenant_id and r.org_id = o.id and r.status = 'final' and r.grade is not null
      and r.year between ${asOfYear - 1} and ${asOfYear}
    order by r.year desc limit 1)`;
  // Two index-friendly lookups (the branch's own meetings, its groups') rather than one OR over both.
  const lifeHeld = sql`m.held_on <= ${asOf}::date and m.status in ('held', 'recorded') and m.type in (${list(lifeTypes)})`;
  const branches = await selectRows<ImprovementFacts['branches'][number]>(
    tx,
    sql`select o.id as "orgId",
        (select count(*) from memberships ms where ms.tenant_id = o.tenant_id and ms.org_id = o.id
          and ms.status = 'full' and ms.standing = 'normal' and ${validOnSql('ms', asOf)})::int as "fullMembers",
        exists (select 1 from positions p where p.tenant_id = o.tenant_id and p.valid_from <= ${asOf}::date
          and p.role in (${list(committeeMemberRoles)})
          and p.term_id = (select t.id from terms t where t.tenant_id = o.tenant_id and t.org_id = o.id
            and t.elected_on <= ${asOf}::date order by t.elected_on desc, t.created_at desc limit 1)) as "hasCommittee",
        to_char(greatest(
          (select max(m.held_on) from meetings m where m.tenant_id = o.tenant_id and m.org_id = o.id and ${lifeHeld}),
          (select max(m.held_on) from orgs gr join meetings m on m.tenant_id = gr.tenant_id and m.org_id = gr.id
            where gr.tenant_id = o.tenant_id and gr.parent_id = o.id and gr.kind = 'group' and ${lifeHeld})
        ), 'YYYY-MM-DD') as "lastLifeOn",
        ${rating} as rating
      from orgs o
      where ${orgFilter(scope)} and o.kind = 'branch' and ${validOnSql('o', asOf)}`,
  );
  return { rectifications, surveys, reorganizations, branches };
}
