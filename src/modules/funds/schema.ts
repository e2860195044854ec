/** Requests and responses of Party-work funds (党建工作经费); money is integer fen. */
import { z } from 'zod';
import { isoDate, version } from '../../server/zod.ts';

export const expenseCategories = ['activities', 'training', 'venues', 'materials', 'care', 'other'] as const;

/** Fen, more than zero: a negative amount is a 400 naming the field. */
export const amountField = z
  .number()
  .int('金额以分为单位，须为整数 / amounts are whole fen')
  .positive('金额须大于0 / the amount must be more than zero')
  .max(100_000_000_000);

const year = z.coerce.number().int().min(2000).max(2100);

export const saveBudgetBody = z.object({
  orgId: z.uuid(),
  year,
  amount: z
    .number()
    .int('金额以分为单位，须为整数 / amounts are whole fen')
    .min(0, '金额不能为负 / cannot be negative')
    .max(100_000_000_000),
  note: z.string().trim().max(500).nullish(),
  /** Required to change an existing budget; a stale one is a 409. */
  version: version.optional(),
});
export type SaveBudgetInput = z.infer<typeof saveBudgetBody>;

export const addAllocationBody = z.object({
  orgId: z.uuid(),
  year,
  allocatedOn: isoDate,
  amount: amountField,
  note: z.string().trim().max(500).nullish(),
});
export type AddAllocationInput = z.infer<typeof addAllocationBody>;

export const recordExpenseBody = z.object({
  orgId: z.uuid(),
  spentOn: isoDate,
  amount: amountField,
  category: z.enum(expenseCategories),
  description: z.string().trim().min(1).max(500),
});
export type RecordExpenseInput = z.infer<typeof recordExpenseBody>;

export const updateExpenseBody = z.object({
  version,
  spentOn: isoDate.optional(),
  amount: amountField.optional(),
  category: z.enum(expenseCategories).optional(),
  description: z.string().trim().min(1).max(500).optional(),
});
export type UpdateExpenseInput = z.infer<typeof updateExpenseBody>;

export const overviewQuery = z.object({ year: year.optional(), orgId: z.uuid().optional() });

export const overviewRow = z.object({
  orgId: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  year: z.number(),
  staffMembers: z.number(),
  studentMembers: z.number(),
  /** FUND-01's floor for this org: perStaff × staff + perStudent × students (fen). */
  minimum: z.number(),
  perStaff: z.number(),
  perStudent: z.number(),
  budget: z.number().nullable(),
  budgetId: z.string().nullable(),
  budgetVersion: z.number().nullable(),
  allocated: z.number(),
  spent: z.number(),
  expenses: z.number(),
  /** Allocated minus spent. */
  balance: z.number(),
});
export type OverviewRow = z.infer<typeof overviewRow>;
export const overviewResponse = z.object({
  year: z.number(),
  items: z.array(overviewRow),
  totals: z.object({ minimum: z.number(), budget: z.number(), allocated: z.number(), spent: z.number() }),
});

export const budgetView = z.object({
  id: z.string(),
  orgId: z.string(),
  year: z.number(),
  amount: z.number(),
  note: z.string().nullable(),
  version: z.number(),
});
export const allocationView = z.object({
  id: z.string(),
  orgId: z.string(),
  year: z.number(),
  allocatedOn: z.string(),
  amount: z.number(),
  note: z.string().nullable(),
});
export const expenseView = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  spentOn: z.string(),
  amount: z.number(),
  category: z.string(),
  description: z.string(),
  version: z.number(),
});
export const ledgerResponse = z.object({
  orgId: z.string(),
  orgName: z.string(),
  year: z.number(),
  budget: budgetView.nullable(),
  allocations: z.array(allocationView),
  expenses: z.array(expenseView),
});
