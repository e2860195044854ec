/** Requests and responses of model units (样板党支部、标杆院系、双带头人工作室). */
import { z } from 'zod';
import { isoDate, version } from '../../server/zod.ts';

export const unitKinds = ['modelBranch', 'benchmarkCollege', 'dualLeaderStudio'] as const;
export const unitLevels = ['school', 'province', 'national'] as const;
export const unitStatuses = ['applied', 'cultivating', 'accepted', 'rejected', 'revoked'] as const;
export type UnitKind = (typeof unitKinds)[number];

const year = z.coerce.number().int().min(2000).max(2100);
const note = z.string().trim().max(2000);

export const applyBody = z.object({
  kind: z.enum(unitKinds),
  orgId: z.uuid(),
  /** The studio's dual-leader secretary; only for dualLeaderStudio. */
  leaderId: z.uuid().nullish(),
  /** The level applied for: a province-level application builds on a school-level model. */
  level: z.enum(unitLevels).default('school'),
  planYear: year,
  appliedOn: isoDate,
  note: note.nullish(),
});
export type ApplyInput = z.infer<typeof applyBody>;

export const cultivateBody = z.object({ version, cultivationFrom: isoDate, note: note.nullish() });
export type CultivateInput = z.infer<typeof cultivateBody>;

export const midtermBody = z.object({
  version,
  midtermOn: isoDate,
  result: z.enum(['passed', 'failed']),
  note: note.min(1),
});
export type MidtermInput = z.infer<typeof midtermBody>;

export const acceptBody = z.object({ version, acceptedOn: isoDate, level: z.enum(unitLevels), note: note.nullish() });
export type AcceptInput = z.infer<typeof acceptBody>;

/** Rejecting an application in progress, or revoking an accepted unit: the reason is required. */
export const closeBody = z.object({ version, decidedOn: isoDate, note: note.min(1) });
export type CloseInput = z.infer<typeof closeBody>;

export const listQuery = z.object({
  year: year.optional(),
  kind: z.enum(unitKinds).optional(),
  level: z.enum(unitLevels).optional(),
  status: z.enum(unitStatuses).optional(),
  orgId: z.uuid().optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

export const quotaQuery = z.object({ year: year.optional(), tenantId: z.uuid().optional() });

export const unitView = z.object({
  id: z.string(),
  kind: z.enum(unitKinds),
  orgId: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  /** The college above a branch (the branch's parent), or the college itself. */
  collegeName: z.string().nullable(),
  leaderId: z.string().nullable(),
  leaderName: z.string().nullable(),
  level: z.enum(unitLevels),
  planYear: z.number(),
  appliedOn: z.string(),
  status: z.enum(unitStatuses),
  cultivationFrom: z.string().nullable(),
  midtermOn: z.string().nullable(),
  midtermResult: z.enum(['passed', 'failed']).nullable(),
  midtermNote: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
});
export type UnitView = z.infer<typeof unitView>;
export const listResponse = z.object({ items: z.array(unitView) });

export const quotaView = z.object({
  tenantId: z.string(),
  year: z.number(),
  countedOn: z.string(),
  branches: z.number(),
  modelBranches: z.number(),
  /** ASSESS-07's share for the year, or null before the first plan year. */
  share: z.number().nullable(),
  required: z.number(),
  met: z.boolean(),
  /** Whether the university's standard sets adopt ASSESS-07 (else the share is the rule's default). */
  adopted: z.boolean(),
});
export type QuotaView = z.infer<typeof quotaView>;
