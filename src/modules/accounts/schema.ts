/** Request and response shapes of the accounts API. */
import { z } from 'zod';
import { Roles } from '../../server/scope.ts';
import { version } from '../../server/zod.ts';

export const grantInput = z.object({
  role: z.enum(Roles),
  orgId: z.uuid().nullish(),
  oversightBodyId: z.uuid().nullish(),
});
export type GrantInput = z.infer<typeof grantInput>;

export const username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9._@-]+$/, 'letters, digits and . _ @ - only');

export const displayName = z.string().trim().min(1).max(100);

export const createAccountBody = z.object({
  username,
  displayName,
  personId: z.uuid().nullish(),
  grants: z.array(grantInput).min(1).max(20),
});

export const updateAccountBody = z.object({
  version,
  displayName: displayName.optional(),
  disabled: z.boolean().optional(),
});

export const listAccountsQuery = z.object({
  q: z.string().trim().max(100).optional(),
});

export const grantParams = z.object({ id: z.uuid(), grantId: z.uuid() });

export const grantView = z.object({
  id: z.string(),
  role: z.string(),
  tenantId: z.string().nullable(),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  oversightBodyId: z.string().nullable(),
  oversightBodyName: z.string().nullable(),
});

export const accountView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  tenantId: z.string().nullable(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  locale: z.string(),
  disabled: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  passwordChangedAt: z.string().nullable(),
  grants: z.array(grantView),
});
export type AccountView = z.infer<typeof accountView>;
