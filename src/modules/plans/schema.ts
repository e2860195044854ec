/** Requests and responses of annual plans (年度三会一课计划, LIFE-10). */
import { z } from 'zod';
import { isoDate, version } from '../../server/zod.ts';

/** The meeting types a branch plans for itself; leadership meetings belong to colleges and the university. */
export const plannableTypes = [
  'generalAssembly',
  'committeeMeeting',
  'groupMeeting',
  'partyLecture',
  'themeDay',
  'lifeMeeting',
  'conversation',
] as const;

export const planStatuses = ['draft', 'submitted', 'approved', 'returned'] as const;
export type PlanStatus = (typeof planStatuses)[number];

export const planItemInput = z.object({
  type: z.enum(plannableTypes),
  /** The month (1–12) of the plan's year; may be left out when `plannedOn` is given. */
  month: z.number().int().min(1).max(12).optional(),
  plannedOn: isoDate.optional(),
  topic: z.string().trim().min(1).max(200),
  lecturerId: z.uuid().nullable().optional(),
});
export type PlanItemInput = z.infer<typeof planItemInput>;

const items = z.array(planItemInput).max(200);

export const createPlanBody = z.object({
  orgId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  items,
});
export type CreatePlanInput = z.infer<typeof createPlanBody>;

export const updatePlanBody = z.object({ version, items });
export type UpdatePlanInput = z.infer<typeof updatePlanBody>;

/** The version is optional on workflow steps: the status itself guards against double clicks. */
export const submitPlanBody = z.object({ version: version.optional() }).nullish();
export const approvePlanBody = z
  .object({ version: version.optional(), comment: z.string().trim().max(2000).optional() })
  .nullish();
export const returnPlanBody = z.object({ version: version.optional(), comment: z.string().trim().min(1).max(2000) });

export const scheduleItemBody = z.object({
  /** Defaults to the item's planned day; required when only a month was planned. */
  heldOn: isoDate.optional(),
  startTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM')
    .optional(),
  endTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM')
    .optional(),
  title: z.string().trim().min(1).max(200).optional(),
  place: z.string().trim().max(200).optional(),
  venueId: z.uuid().optional(),
  /** A group of the branch, for a group meeting; the branch itself when left out. */
  orgId: z.uuid().optional(),
});
export type ScheduleItemInput = z.infer<typeof scheduleItemBody>;

export const listPlansQuery = z.object({
  orgId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(planStatuses).optional(),
});
export type ListPlansFilters = z.infer<typeof listPlansQuery>;

export const planItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });

const planSummary = {
  id: z.string(),
  tenantId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  orgCode: z.string(),
  year: z.number(),
  status: z.enum(planStatuses),
  submittedOn: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  dueDate: z.string(),
  /** Filed after the due date, or not yet filed and the due date has passed. */
  late: z.boolean(),
  version: z.number(),
};

export const planListItem = z.object({ ...planSummary, itemCount: z.number() });
export const listPlansResponse = z.object({ items: z.array(planListItem) });

export const planItemView = z.object({
  id: z.string(),
  type: z.string(),
  month: z.number(),
  plannedOn: z.string().nullable(),
  topic: z.string(),
  lecturerId: z.string().nullable(),
  lecturerName: z.string().nullable(),
  meetingId: z.string().nullable(),
  meeting: z
    .object({ id: z.string(), code: z.string(), heldOn: z.string(), status: z.string(), title: z.string() })
    .nullable(),
  /** A held or recorded meeting answers it: the linked one, or one of that type that month in the branch. */
  done: z.boolean(),
  /** Its month has passed without such a meeting. */
  overdue: z.boolean(),
});
export type PlanItemView = z.infer<typeof planItemView>;

export const planView = z.object({
  ...planSummary,
  items: z.array(planItemView),
  counts: z.object({ total: z.number(), done: z.number(), overdue: z.number() }),
});
export type PlanView = z.infer<typeof planView>;
