/** Requests and responses of membership dues (党费): bases, payments, reasons, returns, the collection sheet and statistics. */
import { z } from 'zod';
import { duesCategories } from '../../domain/dues/brackets.ts';
import { isoDate, isoMonth, version } from '../../server/zod.ts';

export const paymentMethods = ['cash', 'transfer', 'online', 'payroll'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

/** Fen: a whole, non-negative number. */
const fen = z.number().int().min(0, 'must not be negative').max(2_000_000_000);

export const createBaseBody = z.object({
  personId: z.uuid(),
  /** First month the base applies to, `YYYY-MM`. */
  effectiveMonth: isoMonth,
  category: z.enum(duesCategories),
  /** After-tax monthly salary or pension in fen; 0 for students and relief. */
  base: fen,
  verifiedOn: isoDate.nullish(),
  note: z.string().trim().max(500).nullish(),
});
export type CreateBaseInput = z.infer<typeof createBaseBody>;

export const updateBaseBody = z.object({
  version,
  category: z.enum(duesCategories).optional(),
  base: fen.optional(),
  verifiedOn: isoDate.nullish(),
  note: z.string().trim().max(500).nullish(),
});
export type UpdateBaseInput = z.infer<typeof updateBaseBody>;

export const recordPaymentsBody = z.object({
  /** The month paid for, `YYYY-MM`. */
  month: isoMonth,
  paidOn: isoDate,
  method: z.enum(paymentMethods),
  items: z
    .array(z.object({ personId: z.uuid(), amount: fen, note: z.string().trim().max(500).nullish() }))
    .min(1)
    .max(2000),
});
export type RecordPaymentsInput = z.infer<typeof recordPaymentsBody>;

export const updatePaymentBody = z.object({
  version,
  amount: fen.optional(),
  paidOn: isoDate.optional(),
  method: z.enum(paymentMethods).optional(),
  note: z.string().trim().max(500).nullish(),
});
export type UpdatePaymentInput = z.infer<typeof updatePaymentBody>;

export const deletePaymentQuery = z.object({ version: z.coerce.number().int().positive() });

export const createReasonBody = z.object({
  personId: z.uuid(),
  fromMonth: isoMonth,
  toMonth: isoMonth.nullish(),
  reason: z.string().trim().min(1).max(500),
});
export type CreateReasonInput = z.infer<typeof createReasonBody>;

export const createReturnBody = z.object({
  orgId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  amount: fen,
  returnedOn: isoDate,
  note: z.string().trim().max(500).nullish(),
});
export type CreateReturnInput = z.infer<typeof createReturnBody>;

export const sheetQuery = z.object({ orgId: z.uuid(), month: isoMonth });
export const statsQuery = z.object({ orgId: z.uuid(), from: isoMonth, to: isoMonth });
export const personParams = z.object({ personId: z.uuid() });

const totals = {
  due: z.number(),
  paid: z.number(),
  rate: z.number().nullable(),
  members: z.number(),
  settledMembers: z.number(),
  withoutBase: z.number(),
};

export const sheetRow = z.object({
  personId: z.string(),
  personCode: z.string(),
  personName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  category: z.enum(duesCategories).nullable(),
  base: z.number().nullable(),
  basisPoints: z.number().nullable(),
  due: z.number().nullable(),
  paid: z.number(),
  payment: z
    .object({ id: z.string(), amount: z.number(), paidOn: z.string(), method: z.string(), version: z.number() })
    .nullable(),
  reason: z.string().nullable(),
  arrearsMonths: z.number(),
  arrearsAmount: z.number(),
  consecutiveUnpaid: z.number(),
});
export const sheetResponse = z.object({
  month: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  totals: z.object(totals),
  rows: z.array(sheetRow),
});
export type SheetResponse = z.infer<typeof sheetResponse>;

export const statsRow = z.object({
  orgId: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  parentId: z.string().nullable(),
  ...totals,
  /** Fen returned to the org for the years of the range (DUES-04). */
  returned: z.number(),
});
export const statsResponse = z.object({ from: z.string(), to: z.string(), rows: z.array(statsRow) });

const baseView = z.object({
  id: z.string(),
  effectiveMonth: z.string(),
  category: z.enum(duesCategories),
  base: z.number(),
  verifiedOn: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
});
export const paymentView = z.object({
  id: z.string(),
  personId: z.string(),
  month: z.string(),
  amount: z.number(),
  paidOn: z.string(),
  method: z.string(),
  recordedByName: z.string(),
  note: z.string().nullable(),
  version: z.number(),
});
export const memberDuesView = z.object({
  personId: z.string(),
  personCode: z.string(),
  personName: z.string(),
  bases: z.array(baseView),
  payments: z.array(paymentView),
  reasons: z.array(
    z.object({ id: z.string(), fromMonth: z.string(), toMonth: z.string().nullable(), reason: z.string() }),
  ),
  ledger: z.array(
    z.object({
      month: z.string(),
      category: z.string().nullable(),
      base: z.number().nullable(),
      basisPoints: z.number().nullable(),
      due: z.number().nullable(),
      paid: z.number(),
      outstanding: z.number(),
      late: z.boolean(),
      reason: z.string().nullable(),
    }),
  ),
  arrears: z.object({
    months: z.array(z.string()),
    amount: z.number(),
    consecutiveUnpaid: z.number(),
    unpaidSince: z.string().nullable(),
  }),
});
export const baseResponse = baseView.extend({ personId: z.string() });

export const bracketsResponse = z.array(
  z.object({
    effectiveFrom: z.string(),
    source: z.object({ zh: z.string(), en: z.string() }),
    rated: z.record(z.string(), z.array(z.object({ upTo: z.number().nullable(), basisPoints: z.number() }))),
    fixed: z.record(z.string(), z.number()),
  }),
);
