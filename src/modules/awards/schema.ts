/** Requests and responses of commendations (评选表彰: 优秀共产党员、优秀党务工作者、先进基层党组织). */
import { z } from 'zod';
import { isoDate, version } from '../../server/zod.ts';

export const awardKinds = ['outstandingMember', 'outstandingWorker', 'advancedOrg'] as const;
export const awardStatuses = ['nominated', 'reviewed', 'publicized', 'decided', 'rejected'] as const;

const year = z.coerce.number().int().min(2000).max(2100);
const text = z.string().trim().max(2000);

export const nominateBody = z.object({
  roundYear: year,
  kind: z.enum(awardKinds),
  /** The member nominated (outstandingMember, outstandingWorker). */
  personId: z.uuid().nullish(),
  /** The org nominated (advancedOrg). */
  orgId: z.uuid().nullish(),
  nominatingOrgId: z.uuid(),
  nominatedOn: isoDate,
  reason: text.min(1),
});
export type NominateInput = z.infer<typeof nominateBody>;

export const reviewBody = z.object({ version, reviewedOn: isoDate, passed: z.boolean(), note: text.nullish() });
export type ReviewInput = z.infer<typeof reviewBody>;

export const publicizeBody = z.object({ version, publicityFrom: isoDate, publicityUntil: isoDate });
export type PublicizeInput = z.infer<typeof publicizeBody>;

export const decideBody = z.object({
  version,
  decidedOn: isoDate,
  decisionDocument: z.string().trim().min(1).max(200),
});
export type DecideInput = z.infer<typeof decideBody>;

export const rejectBody = z.object({ version, decidedOn: isoDate, note: text.min(1) });
export type RejectInput = z.infer<typeof rejectBody>;

export const listQuery = z.object({
  year: year.optional(),
  kind: z.enum(awardKinds).optional(),
  status: z.enum(awardStatuses).optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

export const roundsQuery = z.object({ tenantId: z.uuid().optional() });

export const awardView = z.object({
  id: z.string(),
  roundYear: z.number(),
  kind: z.enum(awardKinds),
  personId: z.string().nullable(),
  personCode: z.string().nullable(),
  personName: z.string().nullable(),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  nominatingOrgId: z.string(),
  nominatingOrgName: z.string(),
  nominatedOn: z.string(),
  reason: z.string(),
  status: z.enum(awardStatuses),
  reviewedOn: z.string().nullable(),
  reviewNote: z.string().nullable(),
  publicityFrom: z.string().nullable(),
  publicityUntil: z.string().nullable(),
  decidedOn: z.string().nullable(),
  decisionDocument: z.string().nullable(),
  version: z.number(),
});
export type AwardView = z.infer<typeof awardView>;
export const listResponse = z.object({ items: z.array(awardView) });

export const roundView = z.object({
  roundYear: z.number(),
  nominated: z.number(),
  reviewed: z.number(),
  publicized: z.number(),
  decided: z.number(),
  rejected: z.number(),
});
export const roundsResponse = z.object({
  tenantId: z.string(),
  /** ASSESS-08's interval and the publicity minimum, as the university has them. */
  everyYears: z.number(),
  publicityWorkdays: z.number(),
  lastRoundYear: z.number().nullable(),
  nextDueYear: z.number(),
  rounds: z.array(roundView),
});
