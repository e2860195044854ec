/**
 * The `dues` section of `zhibu-dataset/1`: income bases, payments, recorded reasons for not
 * paying, and dues returned to grassroots organizations. Months are `YYYY-MM`, money integer fen.
 * Its schema, the cross-record checks (codes, duplicates), the set-based import and the export
 * in a stable order.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/connect.ts';
import { duesBases, duesPayments, duesReasons, duesReturns } from '../../db/schema.ts';
import { duesCategories } from '../../domain/dues/brackets.ts';
import { isoDate, isoMonth } from '../../server/zod.ts';
import { paymentMethods } from '../dues/schema.ts';
import { insertMany } from './bulk-insert.ts';

const code = z.string().trim().min(1).max(64);
const fen = z.number().int().min(0).max(2_000_000_000);
const note = z.string().trim().max(500).nullable().optional();

export const duesSchema = z.strictObject({
  bases: z
    .array(
      z.strictObject({
        person: code,
        from: isoMonth,
        category: z.enum(duesCategories),
        base: fen,
        verifiedOn: isoDate.nullable().optional(),
        note,
      }),
    )
    .default([]),
  payments: z
    .array(
      z.strictObject({
        person: code,
        month: isoMonth,
        amount: fen,
        paidOn: isoDate,
        method: z.enum(paymentMethods).optional(),
        note,
      }),
    )
    .default([]),
  reasons: z
    .array(
      z.strictObject({
        person: code,
        from: isoMonth,
        to: isoMonth.nullable().optional(),
        reason: z.string().trim().min(1).max(500),
      }),
    )
    .default([]),
  returns: z
    .array(z.strictObject({ org: code, year: z.number().int().min(1900).max(2200), amount: fen, on: isoDate, note }))
    .default([]),
});

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const items = (v: unknown): Raw[] => (Array.isArray(v) ? v.map((x) => (isObject(x) ? x : {})) : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

export type DuesCheckContext = {
  universityCode: string | null;
  orgs: Map<string, unknown>;
  people: Map<string, number>;
  add(pointer: string, zh: string, en: string): void;
};

/** Unknown codes, a second base or payment for one member and month, a reason ending before it starts. */
export function checkDues(doc: Raw, ctx: DuesCheckContext) {
  const dues = isObject(doc.dues) ? doc.dues : {};
  const person = (at: string, value: unknown) => {
    const c = str(value);
    if (c !== null && !ctx.people.has(c)) ctx.add(`${at}/person`, `未知的人员代码 ${c}`, `unknown person code ${c}`);
  };
  const unique = (section: 'bases' | 'payments', monthKey: 'from' | 'month') => {
    const seen = new Map<string, number>();
    items(dues[section]).forEach((row, i) => {
      const at = `/dues/${section}/${i}`;
      person(at, row.person);
      const key = `${str(row.person)}|${str(row[monthKey])}`;
      const first = seen.get(key);
      if (first !== undefined)
        ctx.add(
          `${at}/${monthKey}`,
          `同一人同一月份重复（见 /dues/${section}/${first}）`,
          `duplicate person and month (see /dues/${section}/${first})`,
        );
      else seen.set(key, i);
    });
  };
  unique('bases', 'from');
  unique('payments', 'month');
  items(dues.reasons).forEach((row, i) => {
    const at = `/dues/reasons/${i}`;
    person(at, row.person);
    const from = str(row.from);
    const to = str(row.to);
    if (from && to && to < from) ctx.add(`${at}/to`, `结束月份早于起始月份 ${from}`, `ends before it starts (${from})`);
  });
  items(dues.returns).forEach((row, i) => {
    const org = str(row.org);
    if (org !== null && !ctx.orgs.has(org) && org !== ctx.universityCode)
      ctx.add(`/dues/returns/${i}/org`, `未知的组织代码 ${org}`, `unknown org code ${org}`);
  });
}

type Parsed = { dues?: z.output<typeof duesSchema> };

export async function importDues(
  tx: Tx,
  dataset: Parsed,
  ids: { tenantId: string; orgId: (code: string) => string; personId: (code: string) => string },
) {
  const { tenantId, orgId, personId } = ids;
  const dues = dataset.dues ?? { bases: [], payments: [], reasons: [], returns: [] };
  await insertMany(
    tx,
    duesBases,
    dues.bases.map((b) => ({
      tenantId,
      personId: personId(b.person),
      effectiveMonth: b.from,
      category: b.category,
      base: b.base,
      verifiedOn: b.verifiedOn ?? null,
      note: b.note ?? null,
    })),
  );
  await insertMany(
    tx,
    duesPayments,
    dues.payments.map((p) => ({
      tenantId,
      personId: personId(p.person),
      month: p.month,
      amount: p.amount,
      paidOn: p.paidOn,
      method: p.method ?? 'transfer',
      recordedByName: '数据集导入',
      note: p.note ?? null,
    })),
  );
  await insertMany(
    tx,
    duesReasons,
    dues.reasons.map((r) => ({
      tenantId,
      personId: personId(r.person),
      fromMonth: r.from,
      toMonth: r.to ?? null,
      reason: r.reason,
      recordedByName: '数据集导入',
    })),
  );
  await insertMany(
    tx,
    duesReturns,
    dues.returns.map((r) => ({
      tenantId,
      orgId: orgId(r.org),
      year: r.year,
      amount: r.amount,
      returnedOn: r.on,
      note: r.note ?? null,
    })),
  );
  return {
    duesBases: dues.bases.length,
    duesPayments: dues.payments.length,
    duesReasons: dues.reasons.length,
    duesReturns: dues.returns.length,
  };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The section of a university, sorted by member and month so an export is reproducible. */
export async function exportDues(
  db: Tx,
  options: { tenantId: string; codeOfOrg: (id: string) => string; codeOfPerson: (id: string) => string },
) {
  const { tenantId, codeOfOrg, codeOfPerson } = options;
  const [bases, payments, reasons, returns] = await Promise.all([
    db.select().from(duesBases).where(eq(duesBases.tenantId, tenantId)),
    db.select().from(duesPayments).where(eq(duesPayments.tenantId, tenantId)),
    db.select().from(duesReasons).where(eq(duesReasons.tenantId, tenantId)),
    db.select().from(duesReturns).where(eq(duesReturns.tenantId, tenantId)),
  ]);
  return {
    dues: {
      bases: bases
        .map((b) => ({
          person: codeOfPerson(b.personId),
          from: b.effectiveMonth,
          category: b.category as (typeof duesCategories)[number],
          base: b.base,
          verifiedOn: b.verifiedOn,
          note: b.note,
        }))
        .sort((a, b) => byText(a.person, b.person) || byText(a.from, b.from)),
      payments: payments
        .map((p) => ({
          person: codeOfPerson(p.personId),
          month: p.month,
          amount: p.amount,
          paidOn: p.paidOn,
          method: p.method as (typeof paymentMethods)[number],
          note: p.note,
        }))
        .sort((a, b) => byText(a.person, b.person) || byText(a.month, b.month)),
      reasons: reasons
        .map((r) => ({ person: codeOfPerson(r.personId), from: r.fromMonth, to: r.toMonth, reason: r.reason }))
        .sort((a, b) => byText(a.person, b.person) || byText(a.from, b.from) || byText(a.reason, b.reason)),
      returns: returns
        .map((r) => ({ org: codeOfOrg(r.orgId), year: r.year, amount: r.amount, on: r.returnedOn, note: r.note }))
        .sort((a, b) => byText(a.org, b.org) || a.year - b.year || byText(a.on, b.on) || a.amount - b.amount),
    },
  };
}
