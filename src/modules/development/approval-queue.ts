/**
 * 待审批: the cases waiting for the superior committee (上级党委) — a preliminary review after the
 * publicity, the approval after an admission vote that carried (and the superior's talk), the
 * approval of confirmation after a confirmation vote that carried, and a decision at the end of
 * probation (DEV-10) when probation is over with no confirmation vote that carried, or a stored
 * confirmation vote that did not carry (the committee extends or cancels). Only cases the caller may approve: write
 * scope over the branch's superior, as `step-roles.ts` decides per case.
 *
 * One statement: each open case's last step other than a routine report or assessment (a
 * same-day tie in the statutory order of the steps, as `orderEvents` has it) says what it waits for.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { devSteps } from '../../domain/development/steps.ts';
import { notFound } from '../../server/errors.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import type { QueueResponse } from './schema.ts';

const carried = (data: SQL) => sql`(jsonb_typeof(${data} #> '{vote,yes}') = 'number'
  and jsonb_typeof(${data} #> '{vote,expected}') = 'number'
  and (${data} #>> '{vote,yes}')::numeric * 2 > (${data} #>> '{vote,expected}')::numeric)`;

export async function approvalQueue(
  tx: Tx,
  options: { actor: Actor; orgId?: string; asOf: string },
): Promise<QueueResponse> {
  const { actor, orgId, asOf } = options;
  let subtree = sql``;
  if (orgId) {
    const [root] = await selectRows<{ id: string }>(
      tx,
      sql`select o.id from orgs o where o.id = ${orgId}::uuid
        and ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)}`,
    );
    if (!root) throw notFound({ zh: '组织', en: 'organization' });
    subtree = sql`and exists (select 1 from orgs root where root.id = ${orgId}::uuid and root.tenant_id = o.tenant_id
      and starts_with(o.path, root.path))`;
  }
  // A branch without a parent is approved by whoever holds the whole university (its root path).
  const superiorPath = sql`coalesce(po.path, '/' || o.tenant_id::text || '/')`;
  const rows = await selectRows<QueueResponse['items'][number]>(
    tx,
    sql`with scoped as (
        select c.id, c.tenant_id, c.stage, c.version, c.person_id, o.id as org_id, o.code as org_code,
          o.name as org_name, o.path
        from dev_cases c
        join orgs o on o.tenant_id = c.tenant_id and o.id = c.org_id
        left join orgs po on po.tenant_id = o.tenant_id and po.id = o.parent_id
        where c.stage in ('candidate', 'probationary')
          and ${orgInScope(actor, 'write', sql`o.tenant_id`, superiorPath)} ${subtree}
      ), last_steps as (
        select distinct on (e.case_id) e.case_id, e.step, e."on", e.data
        from dev_events e join scoped s on s.tenant_id = e.tenant_id and s.id = e.case_id
        where e.step not in ('thoughtReport', 'assessment')
        order by e.case_id, e."on" desc, array_position(${sql.param([...devSteps])}::text[], e.step) desc,
          e.created_at desc
      ), probation as (
        -- One year from the first admission vote that carried, plus every extension's months (DEV-10).
        select s.id as case_id, (av."on" + make_interval(months => 12 + coalesce((select sum((x.data ->> 'months')::int)
            from dev_events x where x.tenant_id = s.tenant_id and x.case_id = s.id and x.step = 'probationExtension'
              and jsonb_typeof(x.data -> 'months') = 'number' and x."on" >= av."on"), 0)::int))::date as ends
        from scoped s
        join lateral (select e."on" from dev_events e where e.tenant_id = s.tenant_id and e.case_id = s.id
          and e.step = 'admissionVote' and ${carried(sql`e.data`)} order by e."on" limit 1) av on true
        where s.stage = 'probationary'
      ), waiting as (
        select s.*, l.step as last_step, l."on" as last_on, pr.ends as probation_ends,
          case
            when s.stage = 'candidate' and l.step = 'publicity' then 'preReview'
            when s.stage = 'candidate' and l.step = 'admissionVote' and ${carried(sql`l.data`)} then 'approval'
            when s.stage = 'candidate' and l.step = 'superiorTalk' then 'approval'
            when s.stage = 'probationary' and l.step = 'confirmationVote' and ${carried(sql`l.data`)}
              then 'confirmationApproval'
            when s.stage = 'probationary' and l.step = 'confirmationVote' then 'probationDecision'
            when s.stage = 'probationary' and pr.ends <= ${asOf}::date then 'probationDecision'
          end as waiting
        from scoped s join last_steps l on l.case_id = s.id left join probation pr on pr.case_id = s.id
      )
    select json_build_object('id', w.id, 'stage', w.stage, 'version', w.version,
        'person', json_build_object('id', p.id, 'code', p.code, 'name', p.name),
        'org', json_build_object('id', w.org_id, 'code', w.org_code, 'name', w.org_name)) as "case",
      w.waiting,
      -- An approval waits since the vote (DEV-09 counts from it), not since the superior's talk.
      to_char(case when w.waiting = 'approval' then coalesce(v."on", w.last_on)
        when w.waiting = 'probationDecision' and w.last_step <> 'confirmationVote' then w.probation_ends
        else w.last_on end, 'YYYY-MM-DD') as since,
      json_build_object('step', w.last_step, 'on', to_char(w.last_on, 'YYYY-MM-DD')) as "lastStep"
    from waiting w
    join people p on p.tenant_id = w.tenant_id and p.id = w.person_id
    left join lateral (select max(e."on") as "on" from dev_events e where e.tenant_id = w.tenant_id
      and e.case_id = w.id and e.step = 'admissionVote' and w.waiting = 'approval') v on true
    where w.waiting is not null
    order by since, w.path, p.code`,
  );
  return { items: rows };
}
