import { z } from 'zod';
import { isoDate } from '../../server/zod.ts';

export const auditFilters = z.object({
  entity: z.string().trim().max(50).optional(),
  entityId: z.string().trim().max(100).optional(),
  /** Part of the actor's display name. */
  actor: z.string().trim().max(100).optional(),
  /** First and last day, inclusive, in Asia/Shanghai. */
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type AuditFilters = z.infer<typeof auditFilters>;

export const auditQuery = auditFilters.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const auditEntryView = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  tenantId: z.string().nullable(),
  orgPath: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
