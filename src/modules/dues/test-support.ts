/** Factories for dues records, for tests and scenarios. */
import type { Db } from '../../db/connect.ts';
import { duesBases, duesPayments, duesReasons, duesReturns } from '../../db/schema.ts';
import type { DuesCategory } from '../../domain/dues/brackets.ts';
import { monthRange } from '../../domain/dues/months.ts';

export async function buildDuesBase(
  db: Db,
  props: {
    tenantId: string;
    personId: string;
    effectiveMonth?: string;
    category?: DuesCategory;
    base?: number;
    verifiedOn?: string | null;
  },
) {
  const [row] = await db
    .insert(duesBases)
    .values({
      tenantId: props.tenantId,
      personId: props.personId,
      effectiveMonth: props.effectiveMonth ?? '2015-01',
      category: props.category ?? 'staff',
      base: props.base ?? 650_000,
      verifiedOn: props.verifiedOn ?? null,
    })
    .returning();
  return row;
}

/** Payments of `amount` for every month from `from` to `to`, paid on the 10th of the month unless `paidOn` says otherwise. */
export async function buildDuesPayments(
  db: Db,
  props: {
    tenantId: string;
    personId: string;
    from: string;
    to: string;
    amount: number;
    paidOn?: string;
    method?: string;
  },
) {
  const months = monthRange(props.from, props.to);
  if (months.length === 0) return [];
  return db
    .insert(duesPayments)
    .values(
      months.map((month) => ({
        tenantId: props.tenantId,
        personId: props.personId,
        month,
        amount: props.amount,
        paidOn: props.paidOn ?? `${month}-10`,
        method: props.method ?? 'transfer',
        recordedByName: 'test',
      })),
    )
    .returning();
}

export async function buildDuesReason(
  db: Db,
  props: { tenantId: string; personId: string; fromMonth: string; toMonth?: string | null; reason?: string },
) {
  const [row] = await db
    .insert(duesReasons)
    .values({
      tenantId: props.tenantId,
      personId: props.personId,
      fromMonth: props.fromMonth,
      toMonth: props.toMonth ?? null,
      reason: props.reason ?? '病休',
      recordedByName: 'test',
    })
    .returning();
  return row;
}

export async function buildDuesReturn(
  db: Db,
  props: { tenantId: string; orgId: string; year: number; amount: number; returnedOn?: string },
) {
  const [row] = await db
    .insert(duesReturns)
    .values({ ...props, returnedOn: props.returnedOn ?? `${props.year + 1}-01-15` })
    .returning();
  return row;
}
