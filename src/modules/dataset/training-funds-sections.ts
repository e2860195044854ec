/**
 * The `trainingSessions`, `training` and `funds` sections of `zhibu-dataset/1`: their schemas,
 * the cross-record checks (codes, college-level orgs, duplicates), the set-based import and the
 * export in a stable order. Hours are numbers to a tenth; money is integer fen.
 *
 * `training` is the core's array of hours credited to a person; a credit of a session names it by
 * code. Hours credited for party lectures and general assemblies are derived from the meetings
 * and never written here.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/connect.ts';
import { fundAllocations, fundBudgets, fundExpenses, trainingCredits, trainingSessions } from '../../db/schema.ts';
import { trainingKinds } from '../../domain/rules/edu-facts.ts';
import { isoDate } from '../../server/zod.ts';
import { insertMany } from './bulk-insert.ts';

const code = z.string().trim().min(1).max(64);
const text = z.string().trim().min(1).max(500);
const hours = z
  .number()
  .positive()
  .max(1000)
  .refine((h) => Math.round(h * 10) === h * 10, 'at most one decimal place');
const fen = z.number().int().positive().max(100_000_000_000);
const year = z.number().int().min(1900).max(2200);

export const sessionAudiences = ['members', 'secretaries', 'partyAffairsStaff', 'activists'] as const;
export const expenseCategories = ['activities', 'training', 'venues', 'materials', 'care', 'other'] as const;

/** A class held by an org (the university code for the Party school). */
export const trainingSessionSchema = z.strictObject({
  code,
  org: code,
  kind: z.enum(trainingKinds),
  audience: z.enum(sessionAudiences).optional(),
  title: text,
  startsOn: isoDate,
  endsOn: isoDate.optional(),
  hours,
  place: z.string().trim().max(200).nullable().optional(),
});

/** Hours credited to a person (`meeting` only for legacy records of meeting hours). */
export const trainingCreditSchema = z.strictObject({
  person: code,
  on: isoDate,
  hours,
  kind: z.enum([...trainingKinds, 'meeting']),
  title: text,
  session: code.nullable().optional(),
});

export const fundsSchema = z.strictObject({
  budgets: z
    .array(
      z.strictObject({
        org: code,
        year,
        amount: z.number().int().min(0).max(100_000_000_000),
        note: z.string().max(500).nullable().optional(),
      }),
    )
    .default([]),
  allocations: z
    .array(
      z.strictObject({ org: code, year, on: isoDate, amount: fen, note: z.string().max(500).nullable().optional() }),
    )
    .default([]),
  expenses: z
    .array(
      z.strictObject({ org: code, on: isoDate, amount: fen, category: z.enum(expenseCategories), description: text }),
    )
    .default([]),
});

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const items = (v: unknown): Raw[] => (Array.isArray(v) ? v.map((x) => (isObject(x) ? x : {})) : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

export type SectionCheckContext = {
  universityCode: string | null;
  orgs: Map<string, { kind: string | null; parent: string | null }>;
  people: Map<string, number>;
  add(pointer: string, zh: string, en: string): void;
};

/** Reads the raw document defensively, like the other cross-record checks. */
export function checkTrainingAndFunds(doc: Raw, ctx: SectionCheckContext) {
  const unknown = (pointer: string, what: { zh: string; en: string }, value: string) =>
    ctx.add(pointer, `未知的${what.zh}代码 ${value}`, `unknown ${what.en} code ${value}`);
  const orgOrRoot = (c: string) => ctx.orgs.has(c) || c === ctx.universityCode;
  const sessionCodes = new Map<string, number>();
  items(doc.trainingSessions).forEach((s, i) => {
    const at = `/trainingSessions/${i}`;
    const c = str(s.code);
    if (c !== null) {
      const first = sessionCodes.get(c);
      if (first !== undefined)
        ctx.add(
          `${at}/code`,
          `编号重复（见 /trainingSessions/${first}）`,
          `duplicate code (see /trainingSessions/${first})`,
        );
      else sessionCodes.set(c, i);
    }
    const org = str(s.org);
    if (org !== null && !orgOrRoot(org)) unknown(`${at}/org`, { zh: '组织', en: 'org' }, org);
    const start = str(s.startsOn);
    const end = str(s.endsOn);
    if (start && end && end < start)
      ctx.add(`${at}/endsOn`, `结束日期早于开始日期 ${start}`, `ends before it starts (${start})`);
  });
  const seen = new Map<string, number>();
  items(doc.training).forEach((t, i) => {
    const at = `/training/${i}`;
    const person = str(t.person);
    if (person !== null && !ctx.people.has(person)) unknown(`${at}/person`, { zh: '人员', en: 'person' }, person);
    const session = str(t.session);
    if (session !== null && !sessionCodes.has(session))
      unknown(`${at}/session`, { zh: '培训班次', en: 'training session' }, session);
    if (session !== null && person !== null) {
      const key = `${session}|${person}`;
      const first = seen.get(key);
      if (first !== undefined)
        ctx.add(
          `${at}/person`,
          `同一班次重复计入此人（见 /training/${first}）`,
          `credited twice for the session (see /training/${first})`,
        );
      else seen.set(key, i);
    }
  });
  const funds = isObject(doc.funds) ? doc.funds : {};
  const collegeLevel = (c: string) => {
    const org = ctx.orgs.get(c);
    return org !== undefined && (org.kind === 'college' || (org.kind === 'branch' && org.parent === null));
  };
  const budgetKeys = new Map<string, number>();
  for (const section of ['budgets', 'allocations', 'expenses'] as const) {
    items(funds[section]).forEach((row, i) => {
      const at = `/funds/${section}/${i}`;
      const org = str(row.org);
      if (org === null) return;
      if (section === 'expenses') {
        if (!ctx.orgs.has(org)) unknown(`${at}/org`, { zh: '组织', en: 'org' }, org);
        return;
      }
      if (!ctx.orgs.has(org)) unknown(`${at}/org`, { zh: '组织', en: 'org' }, org);
      else if (!collegeLevel(org))
        ctx.add(
          `${at}/org`,
          '经费按二级党组织编列和拨付',
          'budgets and allocations are per college-level organization',
        );
      if (section === 'budgets') {
        const key = `${org}|${String(row.year)}`;
        const first = budgetKeys.get(key);
        if (first !== undefined)
          ctx.add(
            `${at}/year`,
            `同一组织同一年度的预算重复（见 /funds/budgets/${first}）`,
            `a second budget for this org and year (see /funds/budgets/${first})`,
          );
        else budgetKeys.set(key, i);
      }
    });
  }
}

type Parsed = {
  trainingSessions: z.output<typeof trainingSessionSchema>[];
  training: z.output<typeof trainingCreditSchema>[];
  funds?: z.output<typeof fundsSchema>;
};

export async function importTrainingAndFunds(
  tx: Tx,
  dataset: Parsed,
  ids: { tenantId: string; orgId: (code: string) => string; personId: (code: string) => string },
) {
  const { tenantId, orgId, personId } = ids;
  const sessionRows = dataset.trainingSessions.map((s) => ({ ...s, id: randomUUID() }));
  const sessionId = new Map(sessionRows.map((s) => [s.code, s.id]));
  await insertMany(
    tx,
    trainingSessions,
    sessionRows.map((s) => ({
      tenantId,
      id: s.id,
      code: s.code,
      orgId: orgId(s.org),
      kind: s.kind,
      audience: s.audience ?? 'members',
      title: s.title,
      startsOn: s.startsOn,
      endsOn: s.endsOn ?? s.startsOn,
      hours: s.hours,
      place: s.place ?? null,
    })),
  );
  await insertMany(
    tx,
    trainingCredits,
    dataset.training.map((t) => ({
      tenantId,
      personId: personId(t.person),
      sessionId: t.session ? (sessionId.get(t.session) as string) : null,
      kind: t.kind,
      title: t.title,
      creditedOn: t.on,
      hours: t.hours,
      source: t.session ? 'session' : 'import',
    })),
  );
  const funds = dataset.funds ?? { budgets: [], allocations: [], expenses: [] };
  await insertMany(
    tx,
    fundBudgets,
    funds.budgets.map((b) => ({ tenantId, orgId: orgId(b.org), year: b.year, amount: b.amount, note: b.note ?? null })),
  );
  await insertMany(
    tx,
    fundAllocations,
    funds.allocations.map((a) => ({
      tenantId,
      orgId: orgId(a.org),
      year: a.year,
      allocatedOn: a.on,
      amount: a.amount,
      note: a.note ?? null,
    })),
  );
  await insertMany(
    tx,
    fundExpenses,
    funds.expenses.map((e) => ({
      tenantId,
      orgId: orgId(e.org),
      spentOn: e.on,
      amount: e.amount,
      category: e.category,
      description: e.description,
    })),
  );
  return {
    trainingSessions: sessionRows.length,
    trainingCredits: dataset.training.length,
    fundBudgets: funds.budgets.length,
    fundAllocations: funds.allocations.length,
    fundExpenses: funds.expenses.length,
  };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The three sections of a university, sorted by their content so an export is reproducible. */
export async function exportTrainingAndFunds(
  db: Tx,
  options: { tenantId: string; codeOfOrg: (id: string) => string; codeOfPerson: (id: string) => string },
) {
  const { tenantId, codeOfOrg, codeOfPerson } = options;
  const [sessionRows, creditRows, budgetRows, allocationRows, expenseRows] = await Promise.all([
    db.select().from(trainingSessions).where(eq(trainingSessions.tenantId, tenantId)),
    db.select().from(trainingCredits).where(eq(trainingCredits.tenantId, tenantId)),
    db.select().from(fundBudgets).where(eq(fundBudgets.tenantId, tenantId)),
    db.select().from(fundAllocations).where(eq(fundAllocations.tenantId, tenantId)),
    db.select().from(fundExpenses).where(eq(fundExpenses.tenantId, tenantId)),
  ]);
  const sessionCode = new Map(sessionRows.map((s) => [s.id, s.code]));
  return {
    trainingSessions: sessionRows
      .map((s) => ({
        code: s.code,
        org: codeOfOrg(s.orgId),
        kind: s.kind as (typeof trainingKinds)[number],
        audience: s.audience as (typeof sessionAudiences)[number],
        title: s.title,
        startsOn: s.startsOn,
        endsOn: s.endsOn,
        hours: Number(s.hours),
        place: s.place,
      }))
      .sort((a, b) => byText(a.code, b.code)),
    training: creditRows
      .map((c) => ({
        person: codeOfPerson(c.personId),
        on: c.creditedOn,
        hours: Number(c.hours),
        kind: c.kind as z.output<typeof trainingCreditSchema>['kind'],
        title: c.title,
        session: c.sessionId === null ? null : (sessionCode.get(c.sessionId) as string),
      }))
      .sort(
        (a, b) =>
          byText(a.person, b.person) ||
          byText(a.on, b.on) ||
          byText(a.session ?? '', b.session ?? '') ||
          byText(a.title, b.title) ||
          a.hours - b.hours ||
          byText(a.kind, b.kind),
      ),
    funds: {
      budgets: budgetRows
        .map((b) => ({ org: codeOfOrg(b.orgId), year: b.year, amount: b.amount, note: b.note }))
        .sort((a, b) => byText(a.org, b.org) || a.year - b.year),
      allocations: allocationRows
        .map((a) => ({ org: codeOfOrg(a.orgId), year: a.year, on: a.allocatedOn, amount: a.amount, note: a.note }))
        .sort(
          (a, b) =>
            byText(a.org, b.org) ||
            a.year - b.year ||
            byText(a.on, b.on) ||
            a.amount - b.amount ||
            byText(a.note ?? '', b.note ?? ''),
        ),
      expenses: expenseRows
        .map((e) => ({
          org: codeOfOrg(e.orgId),
          on: e.spentOn,
          amount: e.amount,
          category: e.category as (typeof expenseCategories)[number],
          description: e.description,
        }))
        .sort(
          (a, b) =>
            byText(a.org, b.org) ||
            byText(a.on, b.on) ||
            a.amount - b.amount ||
            byText(a.category, b.category) ||
            byText(a.description, b.description),
        ),
    },
  };
}
