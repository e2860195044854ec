/**
 * Facts for the DEV rules (`DevFacts`), and the same facts for the gate at the moment of a step
 * (`loadGateFacts`), so a step is judged in the app exactly as the engine judges a stored one.
 *
 * A person's standing on a day comes from their membership row valid that day in normal standing:
 * full once confirmed (a row without a confirmation date is full), probationary from joining until
 * then, nothing before joining. Members with voting rights are the full members of the branch.
 */
import { type SQL, sql } from 'drizzle-orm';
import { orderEvents } from '../../domain/development/case-events.ts';
import type { GateParams } from '../../domain/development/gate.ts';
import type { MemberStatus } from '../../domain/development/law.ts';
import { stageOf } from '../../domain/development/stage.ts';
import type { DevStage, DevStep } from '../../domain/development/steps.ts';
import type { DevCaseRecord, DevFactEvent, DevFacts } from '../../domain/rules/dev-facts.ts';
import { devParamsFor } from '../../domain/rules/dev-params.ts';
import { loadConfigs } from '../../modules/compliance/load-config.ts';
import { selectRows } from '../../modules/orgs/select-rows.ts';
import type { Tx } from '../connect.ts';
import { type FactScope, orgFilter, validOnSql } from './scope.ts';

/** `full` | `probationary` | null of membership row `m` on `day` (the row must be valid that day). */
const statusSql = (day: SQL) => sql`case
    when m.id is null or m.joined_on > ${day} then null
    when m.status = 'full' and (m.confirmed_on is null or m.confirmed_on <= ${day}) then 'full'
    else 'probationary' end`;

/** Full members in normal standing of branch `orgId` on `day`. */
const votingMembersSql = (tenantId: SQL, orgId: SQL, day: SQL) => sql`(select count(distinct m.person_id)::int
    from memberships m where m.tenant_id = ${tenantId} and m.org_id = ${orgId} and m.standing = 'normal'
      and ${validOnSql('m', day)} and ${statusSql(day)} = 'full')`;

/** The membership row of a person valid on a day in normal standing (the latest, if rows overlap). */
const rowOnSql = (tenantId: SQL, personId: SQL, day: SQL) => sql`(select m.* from memberships m
    where m.tenant_id = ${tenantId} and m.person_id = ${personId} and m.standing = 'normal'
      and ${validOnSql('m', day)} order by m.valid_from desc limit 1)`;

const uuidPattern = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const voteSteps = ['admissionVote', 'confirmationVote'];

type Row = Omit<DevCaseRecord, 'events'> & {
  events:
    | (Omit<DevFactEvent, 'statusOn'> & {
        statusOn: Record<string, MemberStatus> | null;
        names: Record<string, string> | null;
      })[]
    | null;
};

/** The one statement behind `loadDevelopmentFacts` (exported so its plan can be inspected). */
export function developmentFactsQuery(scope: FactScope): SQL {
  const asOf = sql`${scope.asOf}::date`;
  return sql`with cases as (
      select c.tenant_id, c.id, c.person_id, c.org_id, c.stage
      from dev_cases c join orgs o on o.tenant_id = c.tenant_id and o.id = c.org_id
      where ${orgFilter(scope)}
    ), events as (
      select e.tenant_id, e.case_id, e.id, e.step, e.on, e.data, c.org_id
      from dev_events e join cases c on c.tenant_id = e.tenant_id and c.id = e.case_id
      where e.on <= ${asOf}
    ), named as (
      select distinct ev.tenant_id, ev.id as event_id, ev.on, x.person_id
      from events ev
      cross join lateral (
        select jsonb_array_elements_text(case when jsonb_typeof(ev.data -> k) = 'array' then ev.data -> k end) as person_id
        from unnest(array['mentors', 'sponsors', 'by']) k
      ) x
      where ev.data ?| array['mentors', 'sponsors', 'by'] and x.person_id ~ ${uuidPattern}
    ), statuses as (
      select n.event_id, jsonb_object_agg(n.person_id, ${statusSql(sql`n.on`)}) as status_on,
        jsonb_object_agg(n.person_id, p.name) filter (where p.name is not null) as names
      from named n left join lateral ${rowOnSql(sql`n.tenant_id`, sql`n.person_id::uuid`, sql`n.on`)} m on true
      left join people p on p.tenant_id = n.tenant_id and p.id = n.person_id::uuid
      group by n.event_id
    ), case_events as (
      select ev.tenant_id, ev.case_id,
        json_agg(json_build_object('id', ev.id, 'step', ev.step, 'on', to_char(ev.on, 'YYYY-MM-DD'),
          'data', ev.data, 'statusOn', s.status_on, 'names', s.names,
          'votingMembers', case when ev.step = any(${sql.param(voteSteps)}::text[])
            then ${votingMembersSql(sql`ev.tenant_id`, sql`ev.org_id`, sql`ev.on`)} end)
          order by ev.on) as events
      from events ev left join statuses s on s.event_id = ev.id
      group by ev.tenant_id, ev.case_id
    )
    select c.tenant_id as "tenantId", c.id as "caseId", c.person_id as "personId", c.org_id as "orgId",
      c.stage, p.code, p.name, to_char(p.birth_date, 'YYYY-MM-DD') as "birthDate", ce.events
    from cases c join people p on p.tenant_id = c.tenant_id and p.id = c.person_id
    left join case_events ce on ce.tenant_id = c.tenant_id and ce.case_id = c.id
    order by c.tenant_id, p.code`;
}

export async function loadDevelopmentFacts(tx: Tx, scope: FactScope): Promise<DevFacts> {
  const rows = await selectRows<Row>(tx, developmentFactsQuery(scope));
  const names: Record<string, string> = {};
  const cases = rows.map((r) => {
    const events = orderEvents(
      (r.events ?? []).map(({ names: eventNames, ...e }) => {
        Object.assign(names, eventNames);
        return { ...e, step: e.step as DevStep, data: e.data ?? {}, statusOn: e.statusOn ?? {} };
      }),
    );
    // The stage as of asOf, from the events (the stored one is the stage today).
    return { ...r, stage: stageOf(events) ?? (r.stage as DevStage | null), events };
  });
  return { cases, names };
}

/** Whether a stored id names someone at all (a hand-edited import may hold anything). */
export const isUuid = (id: string) => new RegExp(uuidPattern).test(id);

/**
 * What the gate needs about the steps of a case, each on its own day (`GateContext`): the standing
 * of every person a step names (`statusOn`, keyed `personId|day`), the members with voting rights of
 * the case's branch on each day, the names of the people named and the person's birth date. The
 * same SQL as the engine's facts, read in at most three set-based queries whatever the number of days.
 */
export type StepFacts = {
  birthDate: string | null;
  names: Record<string, string>;
  statusOn: Map<string, MemberStatus>;
  votingMembers: Map<string, number>;
};

type OneDay = { tenantId: string; orgId: string; day: string; personIds: string[] };
type ManyDays = { tenantId: string; orgId: string; personId?: string; steps: { on: string; personIds: string[] }[] };

export const stepFactsKey = (personId: string, day: string) => `${personId}|${day}`;

async function loadStepFacts(tx: Tx, options: ManyDays): Promise<StepFacts> {
  const tenantId = sql`${options.tenantId}::uuid`;
  const pairs = new Map<string, { id: string; on: string }>();
  for (const step of options.steps)
    for (const id of step.personIds) if (isUuid(id)) pairs.set(stepFactsKey(id, step.on), { id, on: step.on });
  const statusOn = new Map<string, MemberStatus>();
  const names: Record<string, string> = {};
  if (pairs.size) {
    const list = [...pairs.values()];
    const rows = await selectRows<{ id: string; on: string; status: MemberStatus; name: string | null }>(
      tx,
      sql`select q.person_id::text as id, to_char(q.day, 'YYYY-MM-DD') as "on", ${statusSql(sql`q.day`)} as status,
          p.name
        from unnest(${sql.param(list.map((p) => p.id))}::uuid[], ${sql.param(list.map((p) => p.on))}::date[])
          q(person_id, day)
        left join lateral ${rowOnSql(tenantId, sql`q.person_id`, sql`q.day`)} m on true
        left join people p on p.tenant_id = ${tenantId} and p.id = q.person_id`,
    );
    for (const r of rows) {
      statusOn.set(stepFactsKey(r.id, r.on), r.status);
      if (r.name) names[r.id] = r.name;
    }
  }
  const days = [...new Set(options.steps.map((s) => s.on))];
  const votingMembers = new Map<string, number>();
  if (days.length) {
    const rows = await selectRows<{ on: string; n: number }>(
      tx,
      sql`select to_char(q.day, 'YYYY-MM-DD') as "on",
          ${votingMembersSql(tenantId, sql`${options.orgId}::uuid`, sql`q.day`)} as n
        from unnest(${sql.param(days)}::date[]) q(day)`,
    );
    for (const r of rows) votingMembers.set(r.on, Number(r.n));
  }
  let birthDate: string | null = null;
  if (options.personId) {
    const [person] = await selectRows<{ birthDate: string | null }>(
      tx,
      sql`select to_char(birth_date, 'YYYY-MM-DD') as "birthDate" from people
        where tenant_id = ${tenantId} and id = ${options.personId}::uuid`,
    );
    birthDate = person?.birthDate ?? null;
  }
  return { birthDate, names, statusOn, votingMembers };
}

/**
 * What the gate needs about the people of a step on its day: the standing of each person it names
 * and the number of members with voting rights of the case's branch (`GateContext`). Given `steps`,
 * the same for every step of a case at once (`StepFacts`, see `loadStepFacts`).
 */
export function loadGateFacts(
  tx: Tx,
  options: OneDay,
): Promise<{ statusOn: Record<string, MemberStatus>; votingMembers: number }>;
export function loadGateFacts(tx: Tx, options: ManyDays): Promise<StepFacts>;
export async function loadGateFacts(tx: Tx, options: OneDay | ManyDays) {
  if ('steps' in options) return loadStepFacts(tx, options);
  const facts = await loadStepFacts(tx, {
    tenantId: options.tenantId,
    orgId: options.orgId,
    steps: [{ on: options.day, personIds: options.personIds }],
  });
  const statusOn: Record<string, MemberStatus> = {};
  for (const id of options.personIds) statusOn[id] = facts.statusOn.get(stepFactsKey(id, options.day)) ?? null;
  return { statusOn, votingMembers: facts.votingMembers.get(options.day) ?? 0 };
}

/** The effective DEV parameters of a branch (standard sets, then overrides), as the engine resolves them. */
export async function loadDevParams(tx: Tx, tenantId: string, orgPath: string): Promise<GateParams> {
  const configs = await loadConfigs(tx, [tenantId]);
  const config = configs.get(tenantId);
  return devParamsFor(config?.sets ?? [], config?.overrides ?? [], orgPath);
}
