import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { nextDue } from '../../domain/development/next-due.ts';
import type { DevStage } from '../../domain/development/steps.ts';
import type { Actor } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { isUuid } from './gate-sequence.ts';
import { type LoadedCase, loadCase, toDevEvent } from './load-case.ts';
import { devParamsOf } from './run-gate.ts';
import type { CaseDetail, EventView } from './schema.ts';
import { mayOnBranch } from './step-roles.ts';

type PersonRef = { id: string; code: string; name: string };

/** The case as its page shows it: person, branch, events with documents, stage, what is due next, open DEV findings. */
export async function caseDetail(tx: Tx, actor: Actor, caseId: string, asOf: string): Promise<CaseDetail> {
  return presentCase(tx, actor, await loadCase(tx, actor, caseId), asOf);
}

export async function presentCase(tx: Tx, actor: Actor, loaded: LoadedCase, asOf: string): Promise<CaseDetail> {
  const { row, branch, events } = loaded;
  const tenantId = row.tenantId;
  const [person] = await selectRows<CaseDetail['person']>(
    tx,
    sql`select id, code, name, person_category as "personCategory", gender,
        to_char(birth_date, 'YYYY-MM-DD') as "birthDate", unit
      from people where tenant_id = ${tenantId} and id = ${row.personId}`,
  );
  const domainEvents = events.map(toDevEvent);
  const namedIds = [
    ...new Set(
      domainEvents.flatMap((e) => [...(e.data.by ?? []), ...(e.data.mentors ?? []), ...(e.data.sponsors ?? [])]),
    ),
  ].filter(isUuid);
  const people = namedIds.length
    ? await selectRows<PersonRef>(
        tx,
        sql`select id, code, name from people where tenant_id = ${tenantId}
          and id in (${sql.join(
            namedIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )}) order by code`,
      )
    : [];
  const findings = await selectRows<CaseDetail['findings'][number]>(
    tx,
    sql`select id, rule, severity, period, ${actor.locale === 'en-US' ? sql`message_en` : sql`message_zh`} as message from findings
      where tenant_id = ${tenantId} and person_id = ${row.personId} and rule like 'DEV-%' and status = 'open'
      order by rule, period`,
  );
  const params = await devParamsOf(tx, branch);
  const application = events.find((e) => e.step === 'application');
  const last = events.at(-1);
  return {
    id: row.id,
    tenantId,
    person,
    org: { id: branch.id, code: branch.code, name: branch.name },
    stage: row.stage as DevStage,
    appliedOn: application?.on ?? null,
    lastStep: last ? { step: last.step as EventView['step'], on: last.on } : null,
    openFindings: findings.length,
    note: row.note,
    version: row.version,
    events: events.map(presentEvent),
    people,
    nextDue: nextDue(domainEvents, { asOf, talkDays: params.talkDays }),
    findings,
    may: mayOnBranch(actor, branch),
  };
}

export const presentEvent = (e: LoadedCase['events'][number]): EventView => ({
  id: e.id,
  step: e.step as EventView['step'],
  on: e.on,
  data: (e.data ?? {}) as EventView['data'],
  documents: (e.documents ?? []) as EventView['documents'],
  note: e.note,
  recordedByName: e.recordedByName,
  version: e.version,
});
