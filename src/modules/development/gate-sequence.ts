/**
 * Gates a whole sequence of steps the way it would stand after a write: every step against the
 * steps before it, each with the facts of its own day (the person's birth date, the status of
 * everyone it names, the branch's voting members). The facts are read in three set-based queries,
 * whatever the length of the case.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import type { DevEvent } from '../../domain/development/steps.ts';
import { badInput, type FieldIssue } from '../../server/errors.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { type GateContext, type GateParams, runGate, type Violation } from './run-gate.ts';

/** A step with a stable key: its id, or `new` for the one being recorded. */
export type KeyedEvent = DevEvent & { key: string };

type Facts = {
  birthDate: string | null;
  /** Names of the people the steps name, for the gate's messages. */
  names: Record<string, string>;
  statusOn: Map<string, 'full' | 'probationary' | null>;
  votingMembers: Map<string, number>;
};

/**
 * A membership row's status on day `d`, as the engine reads it (`src/db/facts/development.ts`):
 * nothing before joining, probationary until the confirmation date, full from it.
 */
const statusSql = (d: SQL) => sql`case when m.id is null or m.joined_on > ${d} then null
  when m.status = 'full' and (m.confirmed_on is null or m.confirmed_on <= ${d}) then 'full' else 'probationary' end`;

const named = (e: DevEvent) => [...(e.data.by ?? []), ...(e.data.mentors ?? []), ...(e.data.sponsors ?? [])];
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string) => uuidPattern.test(id);
const values = (rows: SQL[]) => sql.join(rows, sql`, `);

/**
 * Membership facts for every step of the given sequences. Status counts only in normal standing:
 * a suspended member (停止党籍) cannot mentor or sponsor. Voting members are the full members of the
 * branch in normal standing on the day (probationary members have no vote).
 */
export async function loadGateFacts(
  tx: Tx,
  options: { tenantId: string; branchId: string; personId: string; events: DevEvent[] },
): Promise<Facts> {
  const { tenantId, branchId, personId, events } = options;
  const [person] = await selectRows<{ birthDate: string | null }>(
    tx,
    sql`select to_char(birth_date, 'YYYY-MM-DD') as "birthDate" from people where tenant_id = ${tenantId} and id = ${personId}`,
  );
  const pairs = new Map<string, { id: string; on: string }>();
  // Stored steps are not re-validated: an id that is no uuid (a hand-edited import) is simply nobody.
  for (const e of events) for (const id of named(e)) if (isUuid(id)) pairs.set(`${id}|${e.on}`, { id, on: e.on });
  const statuses = new Map<string, 'full' | 'probationary' | null>();
  const names: Record<string, string> = {};
  if (pairs.size) {
    const rows = await selectRows<{
      id: string;
      on: string;
      status: 'full' | 'probationary' | null;
      name: string | null;
    }>(
      tx,
      sql`select q.pid::text as id, to_char(q.d, 'YYYY-MM-DD') as "on", ${statusSql(sql`q.d`)} as status, p.name
        from (values ${values([...pairs.values()].map((p) => sql`(${p.id}::uuid, ${p.on}::date)`))}) as q(pid, d)
        left join people p on p.tenant_id = ${tenantId} and p.id = q.pid
        left join memberships m on m.tenant_id = ${tenantId} and m.person_id = q.pid and m.standing = 'normal'
          and m.valid_from <= q.d and (m.valid_to is null or m.valid_to > q.d)`,
    );
    for (const r of rows) {
      if (r.status || !statuses.has(`${r.id}|${r.on}`)) statuses.set(`${r.id}|${r.on}`, r.status);
      if (r.name) names[r.id] = r.name;
    }
  }
  const days = [...new Set(events.map((e) => e.on))];
  const votingMembers = new Map<string, number>();
  if (days.length) {
    const rows = await selectRows<{ on: string; n: number }>(
      tx,
      sql`select to_char(q.d, 'YYYY-MM-DD') as "on", count(distinct m.person_id)::int as n
        from (values ${values(days.map((d) => sql`(${d}::date)`))}) as q(d)
        left join memberships m on m.tenant_id = ${tenantId} and m.org_id = ${branchId} and m.standing = 'normal'
          and m.valid_from <= q.d and (m.valid_to is null or m.valid_to > q.d) and ${statusSql(sql`q.d`)} = 'full'
        group by q.d`,
    );
    for (const r of rows) votingMembers.set(r.on, Number(r.n));
  }
  return { birthDate: person?.birthDate ?? null, names, statusOn: statuses, votingMembers };
}

export function contextFor(facts: Facts, event: DevEvent, asOf: string, params: GateParams): GateContext {
  const statusOn: GateContext['statusOn'] = {};
  for (const id of named(event)) statusOn[id] = facts.statusOn.get(`${id}|${event.on}`) ?? null;
  return {
    birthDate: facts.birthDate,
    statusOn,
    votingMembers: facts.votingMembers.get(event.on) ?? 0,
    asOf,
    params,
    names: facts.names,
  };
}

/** In date order; a stable sort keeps same-day steps in the order they were recorded. */
export const inDateOrder = <E extends { on: string }>(events: E[]) =>
  [...events].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));

export type KeyedViolation = { key: string; violation: Violation };

export function gateSequence(sequence: KeyedEvent[], facts: Facts, asOf: string, params: GateParams): KeyedViolation[] {
  const out: KeyedViolation[] = [];
  const plain = sequence.map(({ key: _key, ...event }) => event);
  sequence.forEach((event, i) => {
    for (const violation of runGate(plain.slice(0, i), plain[i], contextFor(facts, plain[i], asOf, params)))
      out.push({ key: event.key, violation });
  });
  return out;
}

const identity = (v: KeyedViolation) => `${v.key}|${v.violation.rule}|${v.violation.field}`;

/**
 * A 400 for the violations the write would add (a defect already on record, e.g. from an
 * import, does not block correcting something else). The written step's own problems name the
 * request's fields; a later step that the change breaks is named by its id.
 */
export function refuseNewViolations(before: KeyedViolation[], after: KeyedViolation[], writtenKey: string | null) {
  const known = new Set(before.map(identity));
  const added = after.filter((v) => !known.has(identity(v)));
  if (!added.length) return;
  const issues: (FieldIssue & { rule: string | null })[] = added.map(({ key, violation }) => ({
    field: key === writtenKey ? `body.${violation.field}` : `events.${key}.${violation.field}`,
    rule: violation.rule,
    reason: `${violation.rule ? `${violation.rule} ` : ''}${violation.message.zh} / ${violation.message.en}`,
  }));
  throw badInput(issues);
}

/** Gates the stored sequence and the one a write would leave, and refuses what the write adds. */
export async function gateWrite(
  tx: Tx,
  options: {
    tenantId: string;
    branchId: string;
    personId: string;
    before: KeyedEvent[];
    after: KeyedEvent[];
    writtenKey: string | null;
    asOf: string;
    params: GateParams;
  },
) {
  const facts = await loadGateFacts(tx, { ...options, events: [...options.before, ...options.after] });
  const before = gateSequence(options.before, facts, options.asOf, options.params);
  const after = gateSequence(options.after, facts, options.asOf, options.params);
  refuseNewViolations(before, after, options.writtenKey);
}
