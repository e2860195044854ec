/** Requests and responses of practical rules and service carriers (务实管用的制度、服务载体, ASSESS-09). */
import { z } from 'zod';
import { isoDate, version } from '../../server/zod.ts';

export const carrierKinds = ['rule', 'carrier'] as const;
const year = z.coerce.number().int().min(2000).max(2100);

export const createBody = z.object({
  orgId: z.uuid(),
  year,
  kind: z.enum(carrierKinds),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).default(''),
  establishedOn: isoDate,
});
export type CreateInput = z.infer<typeof createBody>;

export const updateBody = z.object({
  version,
  year: year.optional(),
  kind: z.enum(carrierKinds).optional(),
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(4000).optional(),
  establishedOn: isoDate.optional(),
});
export type UpdateInput = z.infer<typeof updateBody>;

export const versionQuery = z.object({ version: z.coerce.number().int().positive() });
export const listQuery = z.object({ year: year.optional(), orgId: z.uuid().optional() });
export type ListQuery = z.infer<typeof listQuery>;
export const coverageQuery = z.object({ year: year.optional(), orgId: z.uuid().optional() });

export const carrierView = z.object({
  id: z.string(),
  orgId: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  year: z.number(),
  kind: z.enum(carrierKinds),
  title: z.string(),
  description: z.string(),
  establishedOn: z.string(),
  version: z.number(),
});
export type CarrierView = z.infer<typeof carrierView>;
export const listResponse = z.object({ items: z.array(carrierView) });

export const coverageRow = z.object({
  orgId: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  orgKind: z.string(),
  carriers: z.number(),
  /** ASSESS-09's minimum for the org. */
  required: z.number(),
  met: z.boolean(),
});
export type CoverageRow = z.infer<typeof coverageRow>;
export const coverageResponse = z.object({ year: z.number(), items: z.array(coverageRow) });
