/** Requests and responses of rectification items (整改事项). */
import { z } from 'zod';
import { isoDate, version } from '../../server/zod.ts';

export const rectificationSources = [
  'finding',
  'acceptance',
  'rating',
  'review',
  'survey',
  'lifeMeeting',
  'manual',
] as const;
export type RectificationSource = (typeof rectificationSources)[number];
export const rectificationStatuses = ['open', 'done', 'verified'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const year = z.number().int().min(2000).max(2100);

/**
 * From a finding (`findingId`: org, problem and year come from it unless given), from a
 * secretary's review (`reviewId`: the secretary's org, the round's year, the secretary as owner
 * unless given), from an organizational-life meeting (`source: 'lifeMeeting'`, `sourceId` the
 * meeting), or by hand.
 */
export const createRectificationBody = z.object({
  findingId: z.uuid().optional(),
  reviewId: z.uuid().optional(),
  orgId: z.uuid().optional(),
  source: z.enum(['manual', 'lifeMeeting']).optional(),
  sourceId: z.uuid().optional(),
  year: year.optional(),
  problem: text(2000).optional(),
  /** A person in scope; their name becomes the owner's name. */
  ownerId: z.uuid().optional(),
  ownerName: text(100).optional(),
  measures: text(4000),
  deadline: isoDate,
});
export type CreateRectification = z.infer<typeof createRectificationBody>;

/** Changing what is to be done: only while the item is open. */
export const updateRectificationBody = z.object({
  problem: text(2000).optional(),
  ownerId: z.uuid().nullable().optional(),
  ownerName: text(100).optional(),
  measures: text(4000).optional(),
  deadline: isoDate.optional(),
  version,
});
export type UpdateRectification = z.infer<typeof updateRectificationBody>;

export const markDoneBody = z.object({
  evidence: text(4000),
  doneOn: isoDate.optional(),
  version,
});
export type MarkDone = z.infer<typeof markDoneBody>;

/** The superior accepts the evidence (→ verified) or sends the item back (→ open) with a note. */
export const verifyBody = z.object({
  decision: z.enum(['accept', 'return']),
  note: z.string().trim().max(2000).optional(),
  version,
});
export type VerifyRectification = z.infer<typeof verifyBody>;

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listRectificationsQuery = z.object({
  /** An org: its whole subtree. */
  org: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(rectificationStatuses).optional(),
  source: z.enum(rectificationSources).optional(),
  overdue: booleanQuery.optional(),
});
export type RectificationFilters = z.infer<typeof listRectificationsQuery>;

export const rectificationView = z.object({
  id: z.uuid(),
  org: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  source: z.enum(rectificationSources),
  sourceId: z.uuid().nullable(),
  year: z.number().int(),
  problem: z.string(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string(),
  measures: z.string(),
  deadline: z.string(),
  status: z.enum(rectificationStatuses),
  /** Open and past its deadline. */
  overdue: z.boolean(),
  evidence: z.string().nullable(),
  doneOn: z.string().nullable(),
  verifiedOn: z.string().nullable(),
  verifiedByName: z.string().nullable(),
  verificationNote: z.string().nullable(),
  /** The actor may file evidence and change the item (write scope over its org). */
  mayEdit: z.boolean(),
  /** The actor is the org's superior: they verify or send back. */
  mayVerify: z.boolean(),
  version: z.number().int(),
});
export type RectificationView = z.infer<typeof rectificationView>;

export const historyEntry = z.object({
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  status: z.string().nullable(),
  note: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

export const rectificationDetail = rectificationView.extend({ history: z.array(historyEntry) });
