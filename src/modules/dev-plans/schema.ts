/** Requests and responses of development plans, activist pool analyses and secretaries' contacts. */
import { z } from 'zod';
import { devCategories } from '../../domain/rules/dev-college-facts.ts';
import { isoDate, version } from '../../server/zod.ts';

const year = z.coerce.number().int().min(2000).max(2100);

export const planLine = z.object({
  /** A branch inside the plan's college-level organization (or that org itself when it is a branch). */
  orgId: z.uuid(),
  category: z.enum(devCategories),
  quota: z
    .number()
    .int('名额须为整数 / a quota is a whole number')
    .min(0, '名额不能为负 / a quota cannot be negative')
    .max(10_000),
});
export type PlanLineInput = z.infer<typeof planLine>;

export const createPlanBody = z.object({
  orgId: z.uuid(),
  year,
  note: z.string().trim().max(2000).nullish(),
  lines: z.array(planLine).max(1000),
});
export type CreatePlanInput = z.infer<typeof createPlanBody>;

export const updatePlanBody = z.object({
  version,
  note: z.string().trim().max(2000).nullish(),
  /** The whole set of numbers: lines not sent are removed. */
  lines: z.array(planLine).max(1000),
});
export type UpdatePlanInput = z.infer<typeof updatePlanBody>;

export const listQuery = z.object({ orgId: z.uuid().optional(), year: year.optional() });

const lineView = z.object({
  orgId: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  category: z.enum(devCategories),
  quota: z.number(),
});

export const planView = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number(),
  note: z.string().nullable(),
  version: z.number(),
  lines: z.array(lineView),
});
export type PlanView = z.infer<typeof planView>;

export const progressLine = lineView.extend({
  admitted: z.number(),
  remaining: z.number(),
  /** Admissions per month, index 0 = January. */
  byMonth: z.array(z.number()),
});
export const progressView = z.object({
  planId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number(),
  lines: z.array(progressLine),
  totals: z.object({
    quota: z.number(),
    admitted: z.number(),
    byMonth: z.array(z.number()),
    /** The busiest month's share of the year's admissions (DEV-12's maxMonthShare), null with none. */
    largestMonthShare: z.number().nullable(),
  }),
});

export const overviewRow = z.object({
  orgId: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  year: z.number(),
  planId: z.string().nullable(),
  planVersion: z.number().nullable(),
  quota: z.number().nullable(),
  admitted: z.number(),
});
export const overviewResponse = z.object({ year: z.number(), items: z.array(overviewRow) });

// ── Pool analyses ──

export const recordAnalysisBody = z.object({
  orgId: z.uuid(),
  year,
  heldOn: isoDate,
  summary: z.string().trim().min(1).max(10_000),
});
export type RecordAnalysisInput = z.infer<typeof recordAnalysisBody>;

export const updateAnalysisBody = z.object({
  version,
  heldOn: isoDate.optional(),
  summary: z.string().trim().min(1).max(10_000).optional(),
});
export type UpdateAnalysisInput = z.infer<typeof updateAnalysisBody>;

/** Open cases per stage and category on a day, and the young teachers among the activists and candidates. */
export const poolCounts = z.object({
  on: z.string(),
  byStage: z.record(z.string(), z.object({ student: z.number(), staff: z.number() })),
  youngTeachers: z.number(),
});
export type PoolCounts = z.infer<typeof poolCounts>;

export const analysisView = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number(),
  heldOn: z.string(),
  summary: z.string(),
  counts: poolCounts,
  recordedByName: z.string(),
  version: z.number(),
});

// ── Contacts ──

export const createContactBody = z.object({
  caseId: z.uuid(),
  secretaryId: z.uuid(),
  fromOn: isoDate,
  note: z.string().trim().max(2000).nullish(),
});
export type CreateContactInput = z.infer<typeof createContactBody>;

export const updateContactBody = z.object({
  version,
  /** The day the contact ended; null reopens it. */
  toOn: isoDate.nullable().optional(),
  note: z.string().trim().max(2000).nullish(),
});
export type UpdateContactInput = z.infer<typeof updateContactBody>;

export const contactView = z.object({
  id: z.string(),
  caseId: z.string(),
  personId: z.string(),
  personCode: z.string(),
  personName: z.string(),
  stage: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  secretaryId: z.string(),
  secretaryName: z.string(),
  fromOn: z.string(),
  toOn: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
});
export const contactsQuery = z.object({ orgId: z.uuid(), current: z.enum(['0', '1']).optional() });
