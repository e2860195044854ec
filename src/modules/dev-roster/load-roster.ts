import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connect.ts';
import { type DueItem, nextDue } from '../../domain/development/next-due.ts';
import { type DevEvent, type DevStage, devStageNames } from '../../domain/development/steps.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { viewRoot } from '../training/scope-root.ts';

/** DEV-02's default; the roster shows what is due, the engine judges it with the branch's own value. */
const TALK_DAYS = 30;

export type RosterEntry = {
  caseId: string;
  personCode: string;
  personName: string;
  gender: string | null;
  birthDate: string | null;
  personCategory: string;
  branchCode: string;
  branchName: string;
  stage: DevStage;
  stageName: string;
  appliedOn: string | null;
  activistOn: string | null;
  candidateOn: string | null;
  mentors: string[];
  sponsors: string[];
  /** The earliest thing due next, with its day and state (upcoming | warning | overdue). */
  next: DueItem | null;
};

type CaseRow = Omit<
  RosterEntry,
  'stageName' | 'appliedOn' | 'activistOn' | 'candidateOn' | 'mentors' | 'sponsors' | 'next'
> & {
  events: Pick<DevEvent, 'step' | 'on' | 'data'>[];
};

const first = (events: CaseRow['events'], step: string) => events.find((e) => e.step === step)?.on ?? null;
const last = <T>(events: CaseRow['events'], step: string, pick: (e: CaseRow['events'][number]) => T | undefined) =>
  events
    .filter((e) => e.step === step)
    .map(pick)
    .filter((v) => v !== undefined)
    .at(-1);

/**
 * The activists and candidates (入党积极分子、发展对象) of the branches under an org the actor reads,
 * in branch and person order: dates of the steps so far, mentors and sponsors by name, and what is due next.
 */
export async function loadRoster(db: Db | Tx, options: { actor: Actor; orgId?: string; asOf: string }) {
  const root = await viewRoot(db, options.actor, options.orgId);
  const cases = await selectRows<CaseRow>(
    db as Tx,
    sql`select dc.id as "caseId", p.code as "personCode", p.name as "personName", p.gender,
        to_char(p.birth_date, 'YYYY-MM-DD') as "birthDate", p.person_category as "personCategory",
        o.code as "branchCode", o.name as "branchName", dc.stage,
        coalesce((select json_agg(json_build_object('step', e.step, 'on', to_char(e.on, 'YYYY-MM-DD'), 'data', e.data)
          order by e.on, e.created_at) from dev_events e where e.tenant_id = dc.tenant_id and e.case_id = dc.id),
          '[]'::json) as events
      from dev_cases dc
      join orgs o on o.tenant_id = dc.tenant_id and o.id = dc.org_id
      join people p on p.tenant_id = dc.tenant_id and p.id = dc.person_id
      where dc.tenant_id = ${root.tenantId}::uuid and o.path like ${`${root.path}%`}
        and ${orgInScope(options.actor, 'read', sql`o.tenant_id`, sql`o.path`)}
        and dc.stage in ('activist', 'candidate')
      order by o.code, p.code`,
  );
  const ids = [
    ...new Set(cases.flatMap((c) => c.events.flatMap((e) => [...(e.data.mentors ?? []), ...(e.data.sponsors ?? [])]))),
  ];
  const named = ids.length
    ? await selectRows<{ id: string; name: string }>(
        db as Tx,
        sql`select id, name from people where tenant_id = ${root.tenantId}::uuid and id = any(${sql.param(ids)}::uuid[])`,
      )
    : [];
  const nameOf = new Map(named.map((p) => [p.id, p.name]));
  const names = (list: string[] | undefined) => (list ?? []).map((id) => nameOf.get(id) ?? id);
  const entries: RosterEntry[] = cases.map(({ events, ...c }) => {
    const due = nextDue(events, { asOf: options.asOf, talkDays: TALK_DAYS }).sort((a, b) => a.due.localeCompare(b.due));
    return {
      ...c,
      stageName: devStageNames[c.stage].zh,
      appliedOn: first(events, 'application'),
      activistOn: first(events, 'activist'),
      candidateOn: first(events, 'candidate'),
      mentors: names(last(events, 'activist', (e) => e.data.mentors)),
      sponsors: names(last(events, 'sponsors', (e) => e.data.sponsors)),
      next: due[0] ?? null,
    };
  });
  return { root, entries };
}
