/** Requests and responses of thought reports (思想汇报, LIFE-14). */
import { z } from 'zod';
import { pagination, version } from '../../server/zod.ts';

export const MAX_CONTENT = 20_000;

export const submitReportBody = z.object({
  /** Defaults to “思想汇报”. */
  title: z.string().trim().max(100).optional(),
  content: z.string().trim().min(1).max(MAX_CONTENT),
});
export type SubmitReportInput = z.infer<typeof submitReportBody>;

export const readReportBody = z
  .object({
    /** The version read; a report read meanwhile by someone else is a 409. */
    version: version.optional(),
    comment: z.string().trim().max(2000).optional(),
  })
  .nullish();

export const listReportsQuery = pagination.extend({
  orgId: z.uuid().optional(),
  personId: z.uuid().optional(),
  /** `1`: only reports nobody has read yet. */
  unread: z.enum(['0', '1']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type ListReportsFilters = z.infer<typeof listReportsQuery>;

const reportFields = {
  id: z.string(),
  tenantId: z.string(),
  personId: z.string(),
  personName: z.string(),
  personCode: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  submittedOn: z.string(),
  title: z.string(),
  readBy: z.string().nullable(),
  readByName: z.string().nullable(),
  readAt: z.string().nullable(),
  comment: z.string().nullable(),
  version: z.number(),
};

export const reportListItem = z.object({ ...reportFields, excerpt: z.string() });
export const listReportsResponse = z.object({ items: z.array(reportListItem), total: z.number() });
export const reportView = z.object({ ...reportFields, content: z.string() });
export type ReportView = z.infer<typeof reportView>;
