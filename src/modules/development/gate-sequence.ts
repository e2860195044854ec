/**
 * Gates a whole sequence of steps the way it would stand after a write: every step against the
 * steps before it, each with the facts of its own day (the person's birth date, the status of
 * everyone it names, the branch's voting members). The facts come from `loadGateFacts`, the same
 * SQL the engine's DEV facts use, read set-based whatever the length of the case.
 */
import type { Tx } from '../../db/connect.ts';
import { isUuid, loadGateFacts, type StepFacts, stepFactsKey } from '../../db/facts/development.ts';
import type { DevEvent } from '../../domain/development/steps.ts';
import { badInput, type FieldIssue } from '../../server/errors.ts';
import { type GateContext, type GateParams, runGate, type Violation } from './run-gate.ts';

export { isUuid };

/** A step with a stable key: its id, or `new` for the one being recorded. */
export type KeyedEvent = DevEvent & { key: string };

type Facts = StepFacts;

const named = (e: DevEvent) => [...(e.data.by ?? []), ...(e.data.mentors ?? []), ...(e.data.sponsors ?? [])];

/** Membership facts for every step of the given sequences, each on its own day. */
export function loadSequenceFacts(
  tx: Tx,
  options: { tenantId: string; branchId: string; personId: string; events: DevEvent[] },
): Promise<Facts> {
  return loadGateFacts(tx, {
    tenantId: options.tenantId,
    orgId: options.branchId,
    personId: options.personId,
    steps: options.events.map((e) => ({ on: e.on, personIds: named(e) })),
  });
}

export function contextFor(facts: Facts, event: DevEvent, asOf: string, params: GateParams): GateContext {
  const statusOn: GateContext['statusOn'] = {};
  for (const id of named(event)) statusOn[id] = facts.statusOn.get(stepFactsKey(id, event.on)) ?? null;
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
  const facts = await loadSequenceFacts(tx, { ...options, events: [...options.before, ...options.after] });
  const before = gateSequence(options.before, facts, options.asOf, options.params);
  const after = gateSequence(options.after, facts, options.asOf, options.params);
  refuseNewViolations(before, after, options.writtenKey);
}
