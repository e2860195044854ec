/**
 * The `development` section of `zhibu-dataset/1`: one case per person, its steps with the fields
 * each step carries (people by code). Legacy records are imported as they are: a talk too late or
 * a vote without quorum is a finding of the engine, not an import error. Only malformed records
 * are refused — unknown codes, a second case for a person, impossible dates (a publicity period
 * ending before it starts) and vote counts that do not add up.
 */
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/connect.ts';
import { devCases, devEvents } from '../../db/schema.ts';
import { stageOf } from '../../domain/development/stage.ts';
import { type DevEvent, type DevStep, devSteps } from '../../domain/development/steps.ts';
import { isoDate } from '../../server/zod.ts';
import { insertMany } from './bulk-insert.ts';

const code = z.string().trim().min(1).max(64);
const count = z.number().int().min(0).max(100_000);
const codes = z.array(code).min(1).max(10);

export const devVoteSchema = z.strictObject({
  expected: count,
  present: count,
  yes: count,
  no: count,
  abstain: count,
});

const documentSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  note: z.string().max(500).optional(),
});

export const devEventSchema = z.strictObject({
  step: z.enum(devSteps),
  on: isoDate,
  by: codes.optional(),
  mentors: codes.optional(),
  sponsors: codes.optional(),
  hours: z.number().min(0).max(1000).optional(),
  result: z.string().trim().min(1).max(200).optional(),
  until: isoDate.optional(),
  vote: devVoteSchema.optional(),
  months: z.number().int().min(1).max(24).optional(),
  documents: z.array(documentSchema).max(50).optional(),
  note: z.string().trim().max(1000).optional(),
});

export const developmentSchema = z.array(
  z.strictObject({
    person: code,
    org: code,
    events: z.array(devEventSchema).min(1),
  }),
);

export type DatasetDevCase = z.output<typeof developmentSchema>[number];

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const items = (v: unknown): Raw[] => (Array.isArray(v) ? v.map((x) => (isObject(x) ? x : {})) : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export type DevelopmentCheckContext = {
  orgs: Map<string, unknown>;
  people: Map<string, number>;
  add(pointer: string, zh: string, en: string): void;
};

/** The arithmetic of a vote: 实到 ≤ 应到, and 赞成 + 反对 + 弃权 = 实到. */
export function voteArithmetic(vote: Raw, at: string, add: DevelopmentCheckContext['add']) {
  const [expected, present, yes, no, abstain] = ['expected', 'present', 'yes', 'no', 'abstain'].map((k) =>
    num(vote[k]),
  );
  if (expected !== null && present !== null && present > expected)
    add(
      `${at}/present`,
      `实到 ${present} 人多于应到 ${expected} 人`,
      `present (${present}) exceeds expected (${expected})`,
    );
  if (present !== null && yes !== null && no !== null && abstain !== null && yes + no + abstain !== present)
    add(
      `${at}/yes`,
      `赞成 ${yes} + 反对 ${no} + 弃权 ${abstain} = ${yes + no + abstain}，不等于实到 ${present} 人`,
      `yes ${yes} + no ${no} + abstain ${abstain} = ${yes + no + abstain}, not the ${present} present`,
    );
}

/** Unknown people and branches, a second case for one person, publicity ending before it starts, votes that do not add up. */
export function checkDevelopment(doc: Raw, ctx: DevelopmentCheckContext) {
  const seen = new Map<string, number>();
  items(doc.development).forEach((devCase, i) => {
    const at = `/development/${i}`;
    const person = str(devCase.person);
    if (person !== null) {
      if (!ctx.people.has(person)) ctx.add(`${at}/person`, `未知的人员代码 ${person}`, `unknown person code ${person}`);
      const first = seen.get(person);
      if (first !== undefined)
        ctx.add(
          `${at}/person`,
          `同一人有两个发展档案（见 /development/${first}）`,
          `a second development case for the person (see /development/${first})`,
        );
      else seen.set(person, i);
    }
    const org = str(devCase.org);
    if (org !== null && !ctx.orgs.has(org)) ctx.add(`${at}/org`, `未知的组织代码 ${org}`, `unknown org code ${org}`);
    items(devCase.events).forEach((event, j) => {
      const eventAt = `${at}/events/${j}`;
      for (const key of ['by', 'mentors', 'sponsors'] as const) {
        const list = Array.isArray(event[key]) ? event[key] : [];
        list.forEach((value: unknown, k: number) => {
          const c = str(value);
          if (c !== null && !ctx.people.has(c))
            ctx.add(`${eventAt}/${key}/${k}`, `未知的人员代码 ${c}`, `unknown person code ${c}`);
        });
      }
      const on = str(event.on);
      const until = str(event.until);
      if (on && until && until < on)
        ctx.add(`${eventAt}/until`, `公示截止日早于开始日 ${on}`, `publicity ends before it starts (${on})`);
      if (isObject(event.vote)) voteArithmetic(event.vote, `${eventAt}/vote`, ctx.add);
    });
  });
}

type Parsed = { development?: z.output<typeof developmentSchema> };

const stepOrder = (step: DevStep) => devSteps.indexOf(step);
/** Date order; a same-day tie keeps the statutory order of the steps, so an import is reproducible. */
const byDateThenStep = (a: { on: string; step: DevStep }, b: { on: string; step: DevStep }) =>
  a.on < b.on ? -1 : a.on > b.on ? 1 : stepOrder(a.step) - stepOrder(b.step);

/** The step's fields as stored in `dev_events.data`: people by id. */
function eventData(event: DatasetDevCase['events'][number], personId: (code: string) => string): DevEvent['data'] {
  const data: DevEvent['data'] = {};
  if (event.by) data.by = event.by.map(personId);
  if (event.mentors) data.mentors = event.mentors.map(personId);
  if (event.sponsors) data.sponsors = event.sponsors.map(personId);
  if (event.hours !== undefined) data.hours = event.hours;
  if (event.result !== undefined) data.result = event.result;
  if (event.until !== undefined) data.until = event.until;
  if (event.vote !== undefined) data.vote = event.vote;
  if (event.months !== undefined) data.months = event.months;
  return data;
}

export async function importDevelopment(
  tx: Tx,
  dataset: Parsed,
  ids: { tenantId: string; orgId: (code: string) => string; personId: (code: string) => string },
) {
  const { tenantId, orgId, personId } = ids;
  const cases = dataset.development ?? [];
  const caseRows = cases.map((c) => ({
    tenantId,
    id: crypto.randomUUID(),
    personId: personId(c.person),
    orgId: orgId(c.org),
    // A legacy case may start with a later step (the application was filed on paper elsewhere).
    stage: stageOf(c.events) ?? 'applicant',
  }));
  await insertMany(tx, devCases, caseRows);
  const eventRows = cases.flatMap((c, i) =>
    [...c.events].sort(byDateThenStep).map((e) => ({
      tenantId,
      caseId: caseRows[i].id,
      step: e.step,
      on: e.on,
      data: eventData(e, personId),
      documents: e.documents ?? [],
      note: e.note ?? null,
      recordedByName: '数据集导入',
    })),
  );
  await insertMany(tx, devEvents, eventRows);
  return { devCases: caseRows.length, devEvents: eventRows.length };
}

/** The section of a university, by person code and each case's events in date order. */
export async function exportDevelopment(
  db: Tx,
  options: { tenantId: string; codeOfOrg: (id: string) => string; codeOfPerson: (id: string) => string },
) {
  const { tenantId, codeOfOrg, codeOfPerson } = options;
  const [cases, events] = await Promise.all([
    db.select().from(devCases).where(eq(devCases.tenantId, tenantId)),
    db
      .select()
      .from(devEvents)
      .where(eq(devEvents.tenantId, tenantId))
      .orderBy(asc(devEvents.on), asc(devEvents.createdAt)),
  ]);
  const eventsOf = new Map<string, (typeof events)[number][]>();
  for (const e of events) {
    const list = eventsOf.get(e.caseId) ?? [];
    list.push(e);
    eventsOf.set(e.caseId, list);
  }
  const people = (ids: string[] | undefined) => ids?.map(codeOfPerson);
  const development = cases
    .map((c) => ({
      person: codeOfPerson(c.personId),
      org: codeOfOrg(c.orgId),
      events: (eventsOf.get(c.id) ?? [])
        .map((e) => {
          const data = e.data as DevEvent['data'];
          const documents = e.documents as { name: string; note?: string }[];
          return {
            step: e.step as DevStep,
            on: e.on,
            ...(data.by ? { by: people(data.by) } : {}),
            ...(data.mentors ? { mentors: people(data.mentors) } : {}),
            ...(data.sponsors ? { sponsors: people(data.sponsors) } : {}),
            ...(data.hours !== undefined ? { hours: data.hours } : {}),
            ...(data.result !== undefined ? { result: data.result } : {}),
            ...(data.until !== undefined ? { until: data.until } : {}),
            ...(data.vote !== undefined ? { vote: data.vote } : {}),
            ...(data.months !== undefined ? { months: data.months } : {}),
            ...(documents.length > 0 ? { documents } : {}),
            ...(e.note ? { note: e.note } : {}),
          };
        })
        .sort(byDateThenStep),
    }))
    .sort((a, b) => (a.person < b.person ? -1 : a.person > b.person ? 1 : 0));
  return { development };
}
