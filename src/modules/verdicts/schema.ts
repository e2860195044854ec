/** Requests and responses of verdicts on manual rules (人工判定). */
import { z } from 'zod';
import { isoDate, version } from '../../server/zod.ts';

/** `2021`, `2021-H2`, `2021-Q3`, `2021-03`, or a semester code of the university calendar. */
const periodKey = z
  .string()
  .trim()
  .regex(/^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]|[A-Za-z0-9]{1,8}))?$/, 'expected a period key');

export const createVerdictBody = z.object({
  rule: z.string().trim().min(1).max(20),
  orgId: z.uuid(),
  period: periodKey.nullable(),
  verdict: z.enum(['met', 'notMet']),
  note: z.string().trim().min(1).max(2000),
  decidedOn: isoDate.optional(),
});
export const updateVerdictBody = z.object({
  verdict: z.enum(['met', 'notMet']).optional(),
  note: z.string().trim().min(1).max(2000).optional(),
  decidedOn: isoDate.optional(),
  version,
});
export const listVerdictsQuery = z.object({ org: z.uuid().optional(), rule: z.string().optional() });
export const versionQuery = z.object({ version: z.coerce.number().int().positive() });

export const verdictView = z.object({
  id: z.uuid(),
  rule: z.string(),
  org: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  period: z.string().nullable(),
  verdict: z.enum(['met', 'notMet']),
  note: z.string(),
  decidedOn: z.string(),
  decidedByName: z.string(),
  version: z.number().int(),
});
export type VerdictView = z.infer<typeof verdictView>;
export type CreateVerdict = z.infer<typeof createVerdictBody>;
export type UpdateVerdict = z.infer<typeof updateVerdictBody>;
